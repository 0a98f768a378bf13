import { describe, expect, it } from "vitest";
import { FrameMeter } from "./FrameMeter";

function run(meter: FrameMeter, fps: number, seconds: number, from = 0): number {
  let time = from;
  for (let index = 0; index < fps * seconds; index++) meter.frame((time += 1 / fps));
  return time;
}

describe("FrameMeter", () => {
  it("measures the frame rate over a second", () => {
    const meter = new FrameMeter(30);
    run(meter, 30, 2.1);
    expect(meter.rate).toBeGreaterThan(29);
    expect(meter.rate).toBeLessThan(31);
    expect(meter.detail).toBe(1);
  });

  it("lowers the detail while frames are slow and raises it when they keep up", () => {
    const meter = new FrameMeter(30);
    const slowUntil = run(meter, 12, 4);
    expect(meter.detail).toBeLessThan(0.5);
    const lowered = meter.detail;
    run(meter, 30, 5, slowUntil);
    expect(meter.detail).toBeGreaterThan(lowered);
    expect(meter.detail).toBeGreaterThanOrEqual(0.25);
  });
});
