// The BarQuantizer's view of a Transport.
import type { BarClock } from "./BarQuantizer";
import { ticksPerSixteenth } from "./Bars";
import type { TransportLike } from "./TransportLike";

export class TransportClock implements BarClock {
  constructor(private readonly transport: TransportLike) {}

  get ppq(): number {
    return this.transport.PPQ;
  }

  /**
   * A sixteenth: changes are made that long before their bar line, because
   * something started on the very tick the Transport is processing would be
   * missed. The callback still receives the audio time of the bar line itself.
   */
  get leadTicks(): number {
    return ticksPerSixteenth(this.transport.PPQ);
  }

  isRunning(): boolean {
    return this.transport.state === "started";
  }

  nowTicks(): number {
    return this.transport.ticks;
  }

  scheduleAtTicks(ticks: number, callback: (audioTime: number) => void): number {
    const lead = this.leadTicks;
    return this.transport.scheduleOnce((time) => {
      // The tempo cannot change between here and the bar line: tempo changes land on bar lines too.
      const secondsToBar = (lead / this.transport.PPQ) * (60 / this.transport.bpm.getValueAtTime(time));
      callback(time + secondsToBar);
    }, `${ticks - lead}i`);
  }

  cancel(id: number): void {
    this.transport.clear(id);
  }
}
