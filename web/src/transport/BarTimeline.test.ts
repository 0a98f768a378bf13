import { describe, expect, it } from "vitest";
import { BarTimeline, grooveStepAt } from "./BarTimeline";

describe("BarTimeline", () => {
  it("holds each value from its bar on", () => {
    const timeline = new BarTimeline<string>();
    timeline.set(0, "boom-bap");
    timeline.set(13, "swing");
    expect(timeline.at(0)).toBe("boom-bap");
    expect(timeline.at(12)).toBe("boom-bap");
    expect(timeline.at(13)).toBe("swing");
    expect(timeline.at(500)).toBe("swing");
  });

  it("has nothing before the first value", () => {
    const timeline = new BarTimeline<string>();
    timeline.set(4, "x");
    expect(timeline.at(3)).toBeUndefined();
  });

  it("lets a later change of mind replace a pending one", () => {
    const timeline = new BarTimeline<string>();
    timeline.set(0, "a");
    timeline.set(10, "b");
    timeline.set(10, "c");
    timeline.set(8, "d");
    expect([timeline.at(9), timeline.at(10)]).toEqual(["d", "d"]);
    expect(timeline.size).toBe(2);
  });

  it("forgets what can no longer sound", () => {
    const timeline = new BarTimeline<string>();
    timeline.set(0, "a");
    timeline.set(5, "b");
    timeline.set(9, "c");
    timeline.forgetBefore(7);
    expect(timeline.size).toBe(2);
    expect(timeline.at(7)).toBe("b");
  });
});

describe("grooveStepAt", () => {
  it("keeps an 8-bar groove on the 8-bar grid", () => {
    expect(grooveStepAt(0, 128, 128)).toBe(0);
    expect(grooveStepAt(13 * 16, 128, 128)).toBe(5 * 16);
    expect(grooveStepAt(128 + 3, 128, 128)).toBe(3);
  });

  it("repeats a shorter groove inside the grid", () => {
    expect(grooveStepAt(2 * 16 + 1, 128, 32)).toBe(1);
  });
});
