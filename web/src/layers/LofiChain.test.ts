import { describe, expect, it } from "vitest";
import { quantize } from "./LofiChain";

describe("quantize", () => {
  it("rounds to the levels of the bit depth", () => {
    expect(quantize(0.3, 2)).toBe(0.5);
    expect(quantize(0.2, 2)).toBe(0);
    expect(quantize(-0.8, 2)).toBe(-1);
    expect(quantize(1 / 3, 8)).toBeCloseTo(43 / 128);
  });

  it("keeps silence silent and full scale full", () => {
    expect(quantize(0, 8)).toBe(0);
    expect(quantize(1, 8)).toBe(1);
  });
});
