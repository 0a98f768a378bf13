// A Transport for unit tests that moves only when the test says so, as Tone.js
// tests its own Transport offline: events fire in order as `advanceTo` passes
// them, each with the audio time of its tick at a steady tempo.
import { beatsToTicks, ticksPerBar } from "./Bars";
import type { TransportLike } from "./TransportLike";
import { parseTransportTime } from "./TransportTime";

interface FakeEvent {
  ticks: number;
  callback: (time: number) => void;
}

export class FakeTransport implements TransportLike {
  readonly PPQ = 192;
  ticks = 0;
  state: TransportLike["state"] = "stopped";
  readonly bpm = {
    value: 120,
    setValueAtTime(bpm: number) {
      this.value = bpm;
    },
    getValueAtTime(): number {
      return this.value;
    },
  };
  readonly context = { currentTime: 0 };
  private readonly events = new Map<number, FakeEvent>();
  private nextId = 1;

  start(): void {
    this.state = "started";
  }

  pause(): void {
    this.state = "paused";
  }

  stop(): void {
    this.state = "stopped";
    this.ticks = 0;
  }

  /** Understands "bars:quarters:sixteenths" and "<ticks>i", the forms the page uses. */
  scheduleOnce(callback: (time: number) => void, time: string): number {
    const id = this.nextId++;
    const ticks = time.endsWith("i") ? Number(time.slice(0, -1)) : beatsToTicks(parseTransportTime(time), this.PPQ);
    if (!Number.isFinite(ticks)) throw new Error(`FakeTransport cannot read the time '${time}'`);
    // As on Tone's Transport, an event already passed never fires.
    if (ticks >= this.ticks) this.events.set(id, { ticks, callback });
    return id;
  }

  clear(id: number): void {
    this.events.delete(id);
  }

  getTicksAtTime(time: number): number {
    return (time * this.bpm.value * this.PPQ) / 60;
  }

  timeAtTicks(ticks: number): number {
    return (ticks * 60) / (this.bpm.value * this.PPQ);
  }

  /** Plays on to `ticks` (when started), firing every event due on the way, those scheduled meanwhile too. */
  advanceTo(ticks: number): void {
    if (this.state !== "started") return;
    for (let event = this.nextDue(ticks); event; event = this.nextDue(ticks)) {
      this.events.delete(event[0]);
      this.ticks = event[1].ticks;
      this.context.currentTime = this.timeAtTicks(this.ticks);
      event[1].callback(this.context.currentTime);
      if (this.state !== "started") return;
    }
    this.ticks = ticks;
    this.context.currentTime = this.timeAtTicks(ticks);
  }

  advanceToBar(bar: number): void {
    this.advanceTo(bar * ticksPerBar(this.PPQ));
  }

  /** Events still to come, for tests that check nothing is left behind. */
  get pendingEvents(): number {
    return this.events.size;
  }

  private nextDue(ticks: number): [number, FakeEvent] | undefined {
    let due: [number, FakeEvent] | undefined;
    for (const entry of this.events) {
      if (entry[1].ticks <= ticks && (!due || entry[1].ticks < due[1].ticks)) due = entry;
    }
    return due;
  }
}
