import { describe, expect, it } from "vitest";
import { AI_BASS_HIGHEST, AI_BASS_LOWEST, bassPitchOf } from "./PhraseParts";

describe("bassPitchOf", () => {
  const chord = (pitches: number[]) => ({ symbol: "X", onsetBeats: 0, durationBeats: 4, pitches });
  it("takes the lowest note of the voicing into the octave from E1 to D#2", () => {
    expect([AI_BASS_LOWEST, AI_BASS_HIGHEST]).toEqual([28, 39]);
    expect(bassPitchOf(chord([50, 53, 57, 60]))).toBe(38); // D3 -> D2
    expect(bassPitchOf(chord([64, 67, 71]))).toBe(28); // E4 -> E1
    expect(bassPitchOf(chord([36, 43]))).toBe(36); // C2 stays
    expect(bassPitchOf(chord([39]))).toBe(39); // D#2 stays
    expect(bassPitchOf(chord([40]))).toBe(28); // E2 -> E1
  });
  it("has none for a chord without a voicing", () => {
    expect(bassPitchOf(chord([]))).toBeUndefined();
  });
});
