// Every change a listener makes while the music plays takes effect at the next
// bar line. Changes are keyed (tempo, drums, melody...): a second change of the
// same thing within one bar replaces the first, so only the last one is heard.
import { barAt, nextBarTicks } from "./Bars";

/** What the quantizer needs from a transport; TransportClock is the Tone.js one. */
export interface BarClock {
  /** Ticks per quarter note. */
  readonly ppq: number;
  /** How long before its bar line a change is prepared (see TransportClock). */
  readonly leadTicks: number;
  isRunning(): boolean;
  nowTicks(): number;
  /** Calls back at `ticks` with the audio-context time of that moment; returns an id for `cancel`. */
  scheduleAtTicks(ticks: number, callback: (audioTime: number) => void): number;
  cancel(id: number): void;
}

/** Applies a change; `audioTime` is undefined when applied at once (transport stopped). */
export type Change = (audioTime: number | undefined, bar: number) => void;

export class BarQuantizer {
  private readonly pending = new Map<string, { id: number; bar: number }>();

  constructor(private readonly clock: BarClock) {}

  /** Schedules `change` for the next bar (or runs it now when stopped); returns that bar. */
  request(key: string, change: Change): number {
    this.cancelPending(key);
    if (!this.clock.isRunning()) {
      const bar = barAt(this.clock.nowTicks(), this.clock.ppq);
      change(undefined, bar);
      return bar;
    }
    const ticks = nextBarTicks(this.clock.nowTicks(), this.clock.ppq, this.clock.leadTicks);
    const bar = barAt(ticks, this.clock.ppq);
    const id = this.clock.scheduleAtTicks(ticks, (audioTime) => {
      this.pending.delete(key);
      change(audioTime, bar);
    });
    this.pending.set(key, { id, bar });
    return bar;
  }

  /** The bar at which a pending change of `key` will apply, if any. */
  pendingBar(key: string): number | undefined {
    return this.pending.get(key)?.bar;
  }

  cancelPending(key: string): void {
    const previous = this.pending.get(key);
    if (previous) this.clock.cancel(previous.id);
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.pending.keys()]) this.cancelPending(key);
  }
}
