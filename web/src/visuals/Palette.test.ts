import { describe, expect, it } from "vitest";
import { byLight, dusk, hexToRgb, mixRgb } from "./Palette";

describe("Palette", () => {
  it("reads hex colours and mixes them", () => {
    expect(hexToRgb("#ff8000")).toEqual([255, 128, 0]);
    expect(mixRgb([0, 0, 0], [200, 100, 50], 0.5)).toEqual([100, 50, 25]);
  });

  it("gives the night colour at night and the day colour by day", () => {
    expect(byLight("#000000", "#ffffff", 0)).toBe("rgb(0, 0, 0)");
    expect(byLight("#000000", "#ffffff", 1, 0.5)).toBe("rgba(255, 255, 255, 0.500)");
  });

  it("darkens a colour at night", () => {
    expect(dusk("#c08060", 1)).toBe("rgb(192, 128, 96)");
    const [red] = hexToRgb("#c08060");
    expect(Number(dusk("#c08060", 0).match(/\d+/)![0])).toBeLessThan(red);
  });
});
