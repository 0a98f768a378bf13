import { describe, expect, it } from "vitest";
import type { Groove } from "../api/Manifest";
import { grooveEvents, swingOffsetQuarters } from "./DrumPattern";

function groove(overrides: Partial<Groove> = {}): Groove {
  const steps = Array.from({ length: 128 }, (_, step) =>
    step % 4 === 0 ? [{ drum: "kick", velocity: 0.8, offsetSteps: 0 }] : step % 2 === 1 ? [{ drum: "hat", velocity: 0.5, offsetSteps: 0 }] : [],
  );
  return { name: "g", title: "G", bars: 8, steps, swing: 0, humanizeVelocity: 0, humanizeTiming: 0, ...overrides };
}

describe("grooveEvents", () => {
  it("places each hit on its sixteenth, eight bars in all", () => {
    const events = grooveEvents(groove(), 1);
    expect(events.filter((event) => event.drum === "kick").map((event) => event.quarters).slice(0, 3)).toEqual([0, 1, 2]);
    expect(Math.max(...events.map((event) => event.quarters))).toBeLessThan(32);
    expect(events.every((event) => event.velocity === 0.8 || event.velocity === 0.5)).toBe(true);
  });

  it("swings off-beat sixteenths only", () => {
    const events = grooveEvents(groove({ swing: 1 }), 1);
    expect(events.find((event) => event.drum === "hat")!.quarters).toBeCloseTo(0.25 + 0.25 / 3);
    expect(events.filter((event) => event.drum === "kick").every((event) => Number.isInteger(event.quarters))).toBe(true);
    expect(swingOffsetQuarters(2, 1)).toBe(0);
  });

  it("places a hit by its own offset in steps, late or early", () => {
    const offsets = groove();
    offsets.steps[4] = [{ drum: "snare", velocity: 1, offsetSteps: 0.5 }];
    offsets.steps[8] = [{ drum: "snare", velocity: 1, offsetSteps: -0.2 }];
    const snares = grooveEvents(offsets, 1).filter((event) => event.drum === "snare");
    expect(snares.map((event) => event.quarters)).toEqual([1 + 0.125, 2 - 0.05]);
  });

  it("humanises within the stated amounts, the same way for the same seed", () => {
    const humanised = groove({ humanizeVelocity: 0.2, humanizeTiming: 0.01 });
    const events = grooveEvents(humanised, 42);
    expect(grooveEvents(humanised, 42)).toEqual(events);
    expect(grooveEvents(humanised, 43)).not.toEqual(events);
    const kicks = events.filter((event) => event.drum === "kick");
    expect(new Set(kicks.map((event) => event.velocity)).size).toBeGreaterThan(10);
    expect(kicks.every((event) => event.velocity >= 0.8 * 0.8 - 1e-9 && event.velocity <= 0.8 * 1.2 + 1e-9)).toBe(true);
    expect(events.every((event) => Math.abs(event.nudgeSeconds) <= 0.01)).toBe(true);
    expect(events.some((event) => event.nudgeSeconds !== 0)).toBe(true);
  });
});
