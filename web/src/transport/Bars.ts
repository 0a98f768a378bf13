// Transport positions in ticks, read as bars of 4/4: the one place where a
// tick count becomes a bar number or a bar line. `ppq` is the Transport's ticks
// per quarter note (Tone.js: 192), passed in because each Transport has its own.
import { QUARTERS_PER_BAR } from "./TransportTime";

/** What the bar helpers read of a Transport: its position and resolution. */
export interface TickPosition {
  readonly ticks: number;
  readonly PPQ: number;
}

export function ticksPerBar(ppq: number): number {
  return ppq * QUARTERS_PER_BAR;
}

export function ticksPerSixteenth(ppq: number): number {
  return ppq / 4;
}

/** Quarter notes as whole ticks (Tone.js reads "96i" as ticks). */
export function beatsToTicks(beats: number, ppq: number): number {
  return Math.round(beats * ppq);
}

/**
 * The bar that holds `ticks`, counted from zero. A position read from an audio
 * time can land a hair before its bar line, so a millionth of a bar is forgiven.
 */
export function barAt(ticks: number, ppq: number): number {
  return Math.floor(ticks / ticksPerBar(ppq) + 1e-6);
}

/** The bar line nearest `ticks`: for callbacks that come a little early or late on a bar line. */
export function nearestBarAt(ticks: number, ppq: number): number {
  return Math.round(ticks / ticksPerBar(ppq));
}

/**
 * The first bar line strictly after `ticks` that is at least `leadTicks` away:
 * where a change made now takes effect. Changes are prepared `leadTicks` before
 * their bar line so that whatever starts on the line is scheduled in time.
 */
export function nextBarTicks(ticks: number, ppq: number, leadTicks = 0): number {
  const barTicks = ticksPerBar(ppq);
  if (!(barTicks > 0)) throw new RangeError(`ppq must be positive, got ${ppq}`);
  if (!(leadTicks >= 0 && leadTicks < barTicks)) throw new RangeError(`leadTicks must be in [0, ticks of a bar), got ${leadTicks}`);
  const next = (Math.floor(ticks / barTicks) + 1) * barTicks;
  return next - leadTicks > ticks ? next : next + barTicks;
}

/** The bar under a Transport's position now. */
export function currentBar(transport: TickPosition): number {
  return barAt(transport.ticks, transport.PPQ);
}

/** What `barAtTime` reads: a Transport that can place an audio-context time. */
export interface TimedTickPosition extends TickPosition {
  getTicksAtTime(time: number): number;
}

/** The bar that holds audio-context time `time` ("nearest": for callbacks on a bar line, a hair early or late). */
export function barAtTime(transport: TimedTickPosition, time: number, round: "floor" | "nearest" = "floor"): number {
  const ticks = transport.getTicksAtTime(time);
  return round === "floor" ? barAt(ticks, transport.PPQ) : nearestBarAt(ticks, transport.PPQ);
}
