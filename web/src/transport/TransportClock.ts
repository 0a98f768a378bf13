// The BarQuantizer's view of a Tone.js Transport.
import type * as Tone from "tone";
import type { BarClock } from "./BarQuantizer";
import { QUARTERS_PER_BAR } from "./TransportTime";

export class TransportClock implements BarClock {
  constructor(private readonly transport: Tone.BaseContext["transport"]) {}

  get ticksPerBar(): number {
    return this.transport.PPQ * QUARTERS_PER_BAR;
  }

  isRunning(): boolean {
    return this.transport.state === "started";
  }

  nowTicks(): number {
    return this.transport.ticks;
  }

  scheduleAtTicks(ticks: number, callback: (audioTime: number) => void): number {
    return this.transport.scheduleOnce(callback, `${ticks}i`);
  }

  cancel(id: number): void {
    this.transport.clear(id);
  }
}
