import { describe, expect, it } from "vitest";
import { midiToNoteName, NoteNameError, noteNameToMidi } from "./NoteName";

describe("note names", () => {
  it("reads names with sharps, flats and octaves", () => {
    expect(noteNameToMidi("C4")).toBe(60);
    expect(noteNameToMidi("F#5")).toBe(78);
    expect(noteNameToMidi("Bb3")).toBe(58);
    expect(noteNameToMidi("A0")).toBe(21);
    expect(noteNameToMidi("C-1")).toBe(0);
  });

  it("round-trips every MIDI pitch", () => {
    for (let midi = 0; midi < 128; midi++) expect(noteNameToMidi(midiToNoteName(midi))).toBe(midi);
  });

  it("names what is wrong", () => {
    expect(() => noteNameToMidi("H2")).toThrow(NoteNameError);
    expect(() => noteNameToMidi("C")).toThrow("'C'");
    expect(() => noteNameToMidi("G#9")).toThrow("outside the MIDI range");
    expect(() => midiToNoteName(128)).toThrow(RangeError);
  });
});
