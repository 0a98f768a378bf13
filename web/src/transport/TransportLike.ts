// What the player, the bar quantizer and the AI soloist use of a Tone.js
// Transport. Tone's Transport is one; FakeTransport (for unit tests) is another,
// moved by hand, so scheduling can be tested without audio.
import type { TickPosition } from "./Bars";

export interface TransportLike extends TickPosition {
  readonly state: "started" | "paused" | "stopped";
  readonly bpm: {
    value: number;
    setValueAtTime(bpm: number, time: number): unknown;
    getValueAtTime(time: number): number;
  };
  readonly context: { readonly currentTime: number };
  /** `time` in Tone.js form: seconds, or "+0.01" from now. */
  start(time?: number | string): unknown;
  pause(): unknown;
  stop(): unknown;
  /** Calls back once at Transport time `time` ("4:0:0" or "96i") with its audio-context time; returns an id. */
  scheduleOnce(callback: (time: number) => void, time: string): number;
  clear(id: number): unknown;
  getTicksAtTime(time: number): number;
}
