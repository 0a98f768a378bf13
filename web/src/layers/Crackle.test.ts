import { describe, expect, it } from "vitest";
import { makeCrackle } from "./Crackle";

describe("makeCrackle", () => {
  it("is as long as asked, never clips, and has clicks well above its hiss", () => {
    const samples = makeCrackle({ seconds: 2, sampleRate: 8000 });
    expect(samples.length).toBe(16000);
    const peak = Math.max(...samples.map(Math.abs));
    const sorted = [...samples].map(Math.abs).sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    expect(peak).toBeLessThanOrEqual(0.95);
    expect(peak).toBeGreaterThan(20 * median);
  });

  it("is the same for the same seed", () => {
    expect(makeCrackle({ seconds: 0.1, seed: 3 })).toEqual(makeCrackle({ seconds: 0.1, seed: 3 }));
  });
});
