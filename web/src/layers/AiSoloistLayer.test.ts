import { describe, expect, it } from "vitest";
import { bassPitchOf, nextSlotPhrase } from "./AiSoloistLayer";

describe("bassPitchOf", () => {
  const chord = (pitches: number[]) => ({ symbol: "X", onsetBeats: 0, durationBeats: 4, pitches });
  it("takes the lowest note of the voicing into the bass octave", () => {
    expect(bassPitchOf(chord([50, 53, 57, 60]))).toBe(38); // D3 -> D2
    expect(bassPitchOf(chord([64, 67, 71]))).toBe(28); // E4 -> E1
    expect(bassPitchOf(chord([36, 43]))).toBe(36); // C2 stays
  });
  it("has none for a chord without a voicing", () => {
    expect(bassPitchOf(chord([]))).toBeUndefined();
  });
});

describe("nextSlotPhrase", () => {
  it("moves on to the phrase asked for ahead in endless mode", () => {
    expect(nextSlotPhrase("phrase 1", "phrase 2", true)).toBe("phrase 2");
  });
  it("repeats the current phrase when the next is late, so there is no gap", () => {
    expect(nextSlotPhrase("phrase 1", undefined, true)).toBe("phrase 1");
  });
  it("repeats the current phrase when not endless", () => {
    expect(nextSlotPhrase("phrase 1", "phrase 2", false)).toBe("phrase 1");
  });
});
