import { describe, expect, it } from "vitest";
import { BarClock, BarQuantizer } from "./BarQuantizer";

/** A transport that moves only when told to, like a tape under the test's hand. */
class FakeClock implements BarClock {
  readonly ppq = 192; // 768 ticks to a bar
  leadTicks = 0;
  running = true;
  ticks = 0;
  private nextId = 1;
  private events = new Map<number, { ticks: number; callback: (time: number) => void }>();

  isRunning() { return this.running; }
  nowTicks() { return this.ticks; }
  scheduleAtTicks(ticks: number, callback: (time: number) => void) {
    const id = this.nextId++;
    this.events.set(id, { ticks, callback });
    return id;
  }
  cancel(id: number) { this.events.delete(id); }
  advanceTo(ticks: number) {
    const due = [...this.events.entries()].filter(([, e]) => e.ticks <= ticks).sort((a, b) => a[1].ticks - b[1].ticks);
    for (const [id, event] of due) {
      this.events.delete(id);
      this.ticks = event.ticks;
      event.callback(event.ticks / 1000);
    }
    this.ticks = ticks;
  }
}

describe("BarQuantizer", () => {
  it("applies a change made while playing at the next bar line, not before", () => {
    const clock = new FakeClock();
    const quantizer = new BarQuantizer(clock);
    clock.advanceTo(768 * 2 + 300);
    const applied: Array<[number | undefined, number]> = [];
    const bar = quantizer.request("tempo", (time, atBar) => applied.push([time, atBar]));
    expect(bar).toBe(3);
    clock.advanceTo(768 * 3 - 1);
    expect(applied).toEqual([]);
    clock.advanceTo(768 * 3);
    expect(applied).toEqual([[(768 * 3) / 1000, 3]]);
  });

  it("keeps only the last change of the same thing within a bar", () => {
    const clock = new FakeClock();
    const quantizer = new BarQuantizer(clock);
    clock.advanceTo(100);
    const tempos: number[] = [];
    quantizer.request("tempo", () => tempos.push(70));
    quantizer.request("tempo", () => tempos.push(90));
    expect(quantizer.pendingBar("tempo")).toBe(1);
    clock.advanceTo(768 * 4);
    expect(tempos).toEqual([90]);
    expect(quantizer.pendingBar("tempo")).toBeUndefined();
  });

  it("leaves room to prepare: a change too close to the bar line waits for the one after", () => {
    const clock = new FakeClock();
    clock.leadTicks = 48;
    const quantizer = new BarQuantizer(clock);
    clock.advanceTo(768 - 30);
    expect(quantizer.request("drums", () => {})).toBe(2);
  });

  it("applies changes of different things together", () => {
    const clock = new FakeClock();
    const quantizer = new BarQuantizer(clock);
    const seen: string[] = [];
    quantizer.request("drums", () => seen.push("drums"));
    quantizer.request("tempo", () => seen.push("tempo"));
    clock.advanceTo(768);
    expect(seen.sort()).toEqual(["drums", "tempo"]);
  });

  it("applies at once when the transport is stopped", () => {
    const clock = new FakeClock();
    clock.running = false;
    clock.ticks = 768 * 5 + 10;
    const quantizer = new BarQuantizer(clock);
    const applied: Array<[number | undefined, number]> = [];
    expect(quantizer.request("drums", (time, bar) => applied.push([time, bar]))).toBe(5);
    expect(applied).toEqual([[undefined, 5]]);
  });

  it("forgets cancelled changes", () => {
    const clock = new FakeClock();
    const quantizer = new BarQuantizer(clock);
    let called = false;
    quantizer.request("melody", () => { called = true; });
    quantizer.cancelAll();
    clock.advanceTo(768 * 10);
    expect(called).toBe(false);
  });
});
