import { describe, expect, it } from "vitest";
import { daylightAt, hourNow } from "./Daylight";

describe("daylightAt", () => {
  it("is night before dawn and after dusk, day between", () => {
    expect(daylightAt(2)).toBe(0);
    expect(daylightAt(23)).toBe(0);
    expect(daylightAt(12)).toBe(1);
    expect(daylightAt(9)).toBe(1);
  });

  it("rises through dawn and falls through dusk", () => {
    expect(daylightAt(6.5)).toBeCloseTo(0.5);
    expect(daylightAt(18.5)).toBeCloseTo(0.5);
    expect(daylightAt(6)).toBeLessThan(daylightAt(7));
    expect(daylightAt(18)).toBeGreaterThan(daylightAt(19));
  });

  it("reads the hour with its minutes", () => {
    expect(hourNow(new Date(2026, 0, 1, 18, 30))).toBe(18.5);
  });
});
