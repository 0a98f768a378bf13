import { describe, expect, it } from "vitest";
import { DataError } from "./JsonReader";
import {
  errorMessage,
  generateQuery,
  generateRequestBody,
  parseMoodAnswer,
  parsePhrase,
  parseServerInfo,
} from "./ServerApi";

const phrase = () => ({
  notes: [
    { onset: 4, duration: 1, time: "1:0:0", pitch: 67, velocity: 90 },
    { onset: 0, duration: 0.5, time: "0:0:0", pitch: 60, velocity: 0.5 },
  ],
  chords: [{ symbol: "Dm9", onset: 0, duration: 4, pitches: [50, 53, 57, 60, 64] }],
  key: "C major",
  bpm: 80,
  seed: 42,
});

describe("parsePhrase", () => {
  it("reads notes in beats and Transport time, sorted by onset", () => {
    const parsed = parsePhrase(phrase());
    expect(parsed.notes[0]).toEqual({ onsetBeats: 0, durationBeats: 0.5, time: "0:0:0", duration: "0:0:2", pitch: 60, velocity: 0.5 });
    expect(parsed.notes[1]!.time).toBe("1:0:0");
    expect(parsed.notes[1]!.velocity).toBeCloseTo(90 / 127);
    expect(parsed.chords[0]).toEqual({ symbol: "Dm9", onsetBeats: 0, durationBeats: 4, pitches: [50, 53, 57, 60, 64] });
    expect(parsed).toMatchObject({ key: "C major", bpm: 80, seed: 42 });
  });

  it("takes Transport time when beats are missing, and note names for pitches", () => {
    const parsed = parsePhrase({ notes: [{ time: "2:1:2", durationTime: "0:1:0", pitch: "A4" }] });
    expect(parsed.notes[0]).toMatchObject({ onsetBeats: 9.5, durationBeats: 1, pitch: 69, velocity: 0.7 });
  });

  it("spreads bare chord symbols one per bar", () => {
    const parsed = parsePhrase({ notes: [{ onset: 0, duration: 8, pitch: 60 }], chords: ["Dm9", "G13"] });
    expect(parsed.chords.map((chord) => [chord.symbol, chord.onsetBeats])).toEqual([["Dm9", 0], ["G13", 4]]);
  });

  const broken: Array<[string, unknown, string]> = [
    ["no notes", { chords: [] }, "/api/generate: missing field 'notes'"],
    ["notes not a list", { notes: 3 }, "/api/generate.notes: expected an array, got number 3"],
    ["a pitch above MIDI", { notes: [{ onset: 0, duration: 1, pitch: 200 }] }, "/api/generate.notes[0].pitch: 200 is above 127"],
    ["a bad note name", { notes: [{ onset: 0, duration: 1, pitch: "Q4" }] }, "note name 'Q4'"],
    ["a negative onset", { notes: [{ onset: -1, duration: 1, pitch: 60 }] }, "-1 is below 0"],
    ["no onset at all", { notes: [{ duration: 1, pitch: 60 }] }, "missing field 'onsetBeats' or 'onset'"],
    ["a bad Transport time", { notes: [{ time: "1:x:0", duration: 1, pitch: 60 }] }, "transport time '1:x:0'"],
    ["a zero duration", { notes: [{ onset: 0, duration: 0, pitch: 60 }] }, "duration must be above zero"],
    ["a string bpm", { notes: [], bpm: "fast" }, "/api/generate.bpm: expected a number"],
    ["not an object", "oops", "expected an object"],
  ];

  it.each(broken)("rejects %s with the field's path", (_, json, message) => {
    expect(() => parsePhrase(json)).toThrow(DataError);
    expect(() => parsePhrase(json)).toThrow(message);
  });
});

describe("generate requests", () => {
  const request = { bars: 30, temperature: 1, topP: 0.95, seed: 7, chords: "", mood: "rainy sunday", bpm: 80 };

  it("leaves blank optional fields out of the body and the query", () => {
    expect(generateRequestBody(request)).toEqual({ bars: 30, temperature: 1, topP: 0.95, seed: 7, mood: "rainy sunday", bpm: 80 });
    expect(generateQuery(request)).toBe("bars=30&temperature=1&topP=0.95&seed=7&mood=rainy+sunday&bpm=80");
  });

  it("refuses a request the server would refuse", () => {
    expect(() => generateRequestBody({ ...request, bars: 0 })).toThrow("generate request.bars: 0 is below 1");
    expect(() => generateRequestBody({ ...request, seed: 1.5 })).toThrow("generate request.seed: expected a whole number");
  });
});

describe("parseMoodAnswer", () => {
  it("reads a mood and joins a progression given as a list", () => {
    const mood = parseMoodAnswer({ valence: -0.6, arousal: -0.3, key: "A", mode: "minor", progression: ["Am9", "Dm9"], bpm: 68, instrument: "piano", temperature: 0.8 });
    expect(mood).toEqual({ valence: -0.6, arousal: -0.3, key: "A", mode: "minor", progression: "Am9 Dm9", bpm: 68, instrument: "piano", temperature: 0.8 });
  });

  it("names a missing key", () => {
    expect(() => parseMoodAnswer({ valence: 0, arousal: 0, progression: "C", bpm: 80 })).toThrow("/api/mood: missing field 'key'");
  });
});

describe("server info and errors", () => {
  it("flattens info for display", () => {
    expect(parseServerInfo({ model: { name: "lstm", params: 1000 }, version: "0.1" }).fields).toEqual({ "model.name": "lstm", "model.params": "1000", version: "0.1" });
  });

  it("prefers the server's own error text", () => {
    expect(errorMessage(400, "Bad Request", '{"error":"chords: unreadable symbol \'H7\'"}', "/api/generate")).toBe("/api/generate: 400 chords: unreadable symbol 'H7'");
    expect(errorMessage(502, "Bad Gateway", "<html>", "/api/generate")).toBe("/api/generate: 502 Bad Gateway");
  });
});

describe("phraseSeed", () => {
  it("starts at the track's seed and gives each later phrase its own", async () => {
    const { phraseSeed } = await import("./ServerApi");
    expect(phraseSeed(42, 0)).toBe(42);
    const seeds = [0, 1, 2, 3, 4].map((index) => phraseSeed(42, index));
    expect(new Set(seeds).size).toBe(5);
    expect(phraseSeed(2 ** 31 - 2, 1)).toBeLessThan(2 ** 31 - 1);
  });
});
