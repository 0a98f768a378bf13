import { describe, expect, it } from "vitest";
import { barAt, barAtTime, beatsToTicks, currentBar, nearestBarAt, nextBarTicks, ticksPerBar, ticksPerSixteenth } from "./Bars";

const ppq = 192;
const bar = ticksPerBar(ppq);

describe("bar arithmetic", () => {
  it("has four quarters to a bar and four sixteenths to a quarter", () => {
    expect(bar).toBe(768);
    expect(ticksPerSixteenth(ppq)).toBe(48);
    expect(beatsToTicks(1.5, ppq)).toBe(288);
    expect(beatsToTicks(1 / 3, ppq)).toBe(64);
  });

  it("names the bar holding a position", () => {
    expect(barAt(0, ppq)).toBe(0);
    expect(barAt(bar - 1, ppq)).toBe(0);
    expect(barAt(bar * 4 + 5, ppq)).toBe(4);
  });

  it("forgives a position read a hair before its bar line, and rounds to the nearest line when asked", () => {
    expect(barAt(bar * 3 - 1e-4, ppq)).toBe(3);
    expect(nearestBarAt(bar * 3 - 20, ppq)).toBe(3);
    expect(nearestBarAt(bar * 3 + 20, ppq)).toBe(3);
  });

  it("puts a change made inside a bar at the start of the next one", () => {
    expect(nextBarTicks(0, ppq)).toBe(bar);
    expect(nextBarTicks(1, ppq)).toBe(bar);
    expect(nextBarTicks(bar - 1, ppq)).toBe(bar);
    expect(nextBarTicks(bar * 5 + 100, ppq)).toBe(bar * 6);
  });

  it("puts a change made exactly on a bar line at the following bar line, never in the past", () => {
    expect(nextBarTicks(bar * 3, ppq)).toBe(bar * 4);
  });

  it("moves to the bar after when the next bar line is too close to prepare for", () => {
    const lead = ticksPerSixteenth(ppq);
    expect(nextBarTicks(bar - lead - 1, ppq, lead)).toBe(bar);
    expect(nextBarTicks(bar - lead, ppq, lead)).toBe(2 * bar);
    expect(nextBarTicks(bar - 1, ppq, lead)).toBe(2 * bar);
    expect(() => nextBarTicks(0, ppq, bar)).toThrow("leadTicks");
  });

  it("rejects a bar of no length", () => {
    expect(() => nextBarTicks(10, 0)).toThrow(RangeError);
  });

  it("reads a Transport's bar now, and the bar of an audio time", () => {
    expect(currentBar({ ticks: bar * 2 + 10, PPQ: ppq })).toBe(2);
    const transport = { ticks: 0, PPQ: ppq, getTicksAtTime: (time: number) => time * 320 }; // 100 BPM
    expect(barAtTime(transport, 2.4 * 3 - 1e-9)).toBe(3);
    expect(barAtTime(transport, 2.4 * 3 - 0.01)).toBe(2);
    expect(barAtTime(transport, 2.4 * 3 - 0.01, "nearest")).toBe(3);
  });
});
