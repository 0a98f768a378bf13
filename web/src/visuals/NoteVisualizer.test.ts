import { describe, expect, it } from "vitest";
import { drumFamily, NoteVisualizer, pitchPosition } from "./NoteVisualizer";

describe("NoteVisualizer", () => {
  it("sorts drums into families", () => {
    expect(["kick", "snare", "rim", "hat-closed", "hat-open", "shaker", "tom"].map(drumFamily)).toEqual(["kick", "snare", "snare", "hat", "hat", "hat", "other"]);
  });

  it("places low pitches left and high ones right", () => {
    expect(pitchPosition(20)).toBe(0);
    expect(pitchPosition(64)).toBeCloseTo(0.5);
    expect(pitchPosition(120)).toBe(1);
  });

  it("gains energy from what plays and counts it", () => {
    const visualizer = new NoteVisualizer();
    visualizer.hit("kick", 1, 0);
    visualizer.note(60, 0.8, 0.5, "lead", 0);
    expect(visualizer.energy).toBeGreaterThan(0.4);
    expect(visualizer.seen).toEqual({ notes: 1, hits: 1 });
  });
});
