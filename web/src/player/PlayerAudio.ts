// The audio side the player drives: the Transport, starting the audio context,
// and the layers built on it. `toneAudio()` (the player's default) is Tone.js's
// own context; the player's unit tests give a FakeTransport and layers that record.
import * as Tone from "tone";
import type { TransportLike } from "../transport/TransportLike";
import { Rig, type RigSettings } from "./Rig";

export interface PlayerAudio {
  readonly transport: TransportLike;
  /** Lets the context run; the first call must come from a user gesture. */
  start(): Promise<void>;
  /** Builds the mixer and the layers on `transport`. */
  rig(settings: RigSettings): Rig;
}

export function toneAudio(context: Tone.BaseContext = Tone.getContext()): PlayerAudio {
  return {
    transport: context.transport,
    async start() {
      await context.resume();
      // A shorter look-ahead than Tone's 0.1 s brings the first note sooner; 50 ms is still safe.
      context.lookAhead = 0.05;
    },
    rig: (settings) => new Rig({ context, ...settings }),
  };
}
