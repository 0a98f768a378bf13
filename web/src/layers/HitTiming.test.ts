import { describe, expect, it } from "vitest";
import { hitStartTime } from "./HitTiming";

describe("hitStartTime", () => {
  it("plays a hit at its time, or now when it is late", () => {
    expect(hitStartTime(2.5, 2, undefined)).toBe(2.5);
    expect(hitStartTime(1.9, 2, 1.5)).toBe(2);
  });

  it("drops a late hit that would start its drum twice at one time", () => {
    // Two late ticks handled together: both would start at now = 3.
    const first = hitStartTime(2.8, 3, 2.6);
    expect(first).toBe(3);
    expect(hitStartTime(2.9, 3, first)).toBeUndefined();
    expect(hitStartTime(3.1, 3, first)).toBe(3.1);
  });
});
