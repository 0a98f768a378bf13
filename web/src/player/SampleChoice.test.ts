import { describe, expect, it } from "vitest";
import { nearestSample, samplesNeeded } from "./SampleChoice";

const everyMinorThird = ["C3", "D#3", "F#3", "A3", "C4", "D#4", "F#4", "A4", "C5"];

describe("sample choice", () => {
  it("picks the nearest sample to a pitch", () => {
    expect(nearestSample(everyMinorThird, 60)).toBe("C4");
    expect(nearestSample(everyMinorThird, 62)).toBe("D#4");
    expect(nearestSample(everyMinorThird, 40)).toBe("C3");
    expect(nearestSample(everyMinorThird, 100)).toBe("C5");
  });

  it("loads only the samples a piece reaches", () => {
    expect(samplesNeeded(everyMinorThird, [60, 61, 64, 67])).toEqual(["C4", "D#4", "F#4"]);
  });

  it("loads everything when the pitches are unknown, nothing for an empty instrument", () => {
    expect(samplesNeeded(everyMinorThird)).toEqual(everyMinorThird);
    expect(samplesNeeded([], [60])).toEqual([]);
  });
});
