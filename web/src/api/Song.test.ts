import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSong } from "./Song";

const songsFolder = fileURLToPath(new URL("../../../data/songs/", import.meta.url));
const songFiles = readdirSync(songsFolder).filter((name) => name.endsWith(".json"));

describe("parseSong", () => {
  it("finds the three songs", () => {
    expect(songFiles.length).toBe(3);
  });

  it.each(songFiles)("reads %s with all three tracks", (file) => {
    const song = parseSong(JSON.parse(readFileSync(songsFolder + file, "utf8")), file);
    expect(song.id).toBe(file.replace(/\.json$/, ""));
    expect(song.melody.notes.length).toBeGreaterThan(0);
    expect(song.chords.notes.every((chord) => chord.pitches.length >= 1 && chord.symbol)).toBe(true);
    expect(song.bass.notes.length).toBeGreaterThan(0);
    expect(song.bars).toBeLessThanOrEqual(30);
  });

  const minimal = () => ({
    id: "x",
    title: "X",
    bpm: 80,
    bars: 2,
    tracks: {
      melody: { instrument: "piano", notes: [{ time: "0:0:0", duration: "0:1:0", pitch: "C5", velocity: 0.7 }] },
      chords: { instrument: "piano", chords: [{ time: "0:0:0", duration: "1:0:0", symbol: "C", pitches: ["C4", "E4"], velocity: 0.4 }] },
      bass: { instrument: "bass", notes: [{ time: "1:0:0", duration: "1:0:0", pitch: "C2", velocity: 0.6 }] },
    },
  });

  it.each([
    ["a bad time", (s: any) => (s.tracks.melody.notes[0].time = "0:0"), "x.json.tracks.melody.notes[0].time: transport time '0:0'"],
    ["a note after the end", (s: any) => (s.tracks.bass.notes[0].time = "2:0:0"), "after the song's 2 bars"],
    ["a bad pitch", (s: any) => (s.tracks.chords.chords[0].pitches[1] = "E"), "x.json.tracks.chords.chords[0].pitches[1]: note name 'E'"],
    ["a loud velocity", (s: any) => (s.tracks.melody.notes[0].velocity = 2), "2 is above 1"],
    ["a missing track", (s: any) => delete s.tracks.bass, "missing field 'bass'"],
    ["three-four time", (s: any) => (s.timeSignature = [3, 4]), "only 4/4 is played, got 3/4"],
  ])("rejects %s naming the field", (_, breakIt, message) => {
    const song = minimal();
    breakIt(song);
    expect(() => parseSong(song, "x.json")).toThrow(message);
  });
});
