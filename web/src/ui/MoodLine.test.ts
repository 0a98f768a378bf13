import { describe, expect, it } from "vitest";
import type { MoodAnswer } from "../api/ServerApi";
import { keyWithMode, moodLine } from "./MoodLine";

const MOOD: MoodAnswer = { valence: -0.4, arousal: -0.3, key: "C minor", mode: "minor", progression: "Cm7 Fm7 G7", bpm: 72, instrument: "piano", temperature: 1 };

describe("moodLine", () => {
  it("names the mode once", () => {
    expect(keyWithMode("C minor", "minor")).toBe("C minor");
    expect(keyWithMode("C", "minor")).toBe("C minor");
    expect(keyWithMode("D", undefined)).toBe("D");
    expect(moodLine(MOOD, 72)).not.toMatch(/minor minor/);
  });

  it("says when the mood changes the tempo, and from what", () => {
    expect(moodLine(MOOD, 80)).toBe("The mood became C minor, Cm7 Fm7 G7 on piano; 72 BPM: the tempo changes from 80 at the next bar.");
    expect(moodLine(MOOD, 72)).toMatch(/72 BPM \(the tempo stays\)/);
  });
});
