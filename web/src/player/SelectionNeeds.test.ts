import { describe, expect, it } from "vitest";
import { phraseOfSeed } from "../api/FakeServer";
import type { MoodAnswer } from "../api/ServerApi";
import type { Song } from "../api/Song";
import type { PhraseSlot } from "../layers/AiSoloistLayer";
import { AI_BASS_HIGHEST, AI_BASS_LOWEST, bassPitchOf } from "../layers/PhraseParts";
import { AI_MELODY, CUSTOM_QUOTE, defaultState, OFF, type PlayerState } from "../state/PlayerState";
import { samplesNeeded } from "./SampleChoice";
import { AI_INSTRUMENTS, phraseNeeds, selectionNeeds, songNeeds, voiceNeed } from "./SelectionNeeds";

const slot = (chords: number[][]): PhraseSlot => {
  const phrase = phraseOfSeed(3);
  phrase.chords = chords.map((pitches, bar) => ({ symbol: "X", onsetBeats: bar * 4, durationBeats: 4, pitches }));
  return { phrase, index: 0, request: { bars: 30, temperature: 1, topP: 0.95, seed: 3 } };
};
const mood = (instrument: string): MoodAnswer => ({ valence: 0, arousal: 0, key: "C", mode: "major", progression: "C", bpm: 80, instrument, temperature: 1 });
const state = (patch: Partial<PlayerState>): PlayerState => ({ ...defaultState(5), ...patch });

/** The electric bass of `lofi assets`: a sample every minor third from F#1 to A3. */
const BASS_SAMPLES = ["F#1", "A1", "C2", "D#2", "F#2", "A2", "C3", "D#3", "F#3", "A3"];

describe("phraseNeeds", () => {
  it("asks for the bass notes the AI bass plays, in its octave from E1", () => {
    const needs = phraseNeeds(slot([[64, 67, 71], [57, 60, 64], [50, 53, 57, 60]]), null);
    expect(needs.bass.pitches).toEqual([28, 33, 38]);
    for (const pitch of needs.bass.pitches!) expect(pitch).toBeGreaterThanOrEqual(AI_BASS_LOWEST);
    for (const pitch of needs.bass.pitches!) expect(pitch).toBeLessThanOrEqual(AI_BASS_HIGHEST);
  });

  it("loads the sample nearest an E1, not one an octave up", () => {
    const needs = phraseNeeds(slot([[64, 67, 71]]), null);
    expect(samplesNeeded(BASS_SAMPLES, needs.bass.pitches)).toEqual(["F#1"]);
  });

  it("asks for every note the bass plays, whatever the voicing", () => {
    const chords = [[40], [41, 45], [47, 50], [52, 55], [59, 62], [63], [76, 79], [36]];
    const phrase = slot(chords);
    expect(phraseNeeds(phrase, null).bass.pitches).toEqual(phrase.phrase.chords.map(bassPitchOf));
  });

  it("plays the lead on the mood's instrument, else the electric piano", () => {
    const phrase = slot([[64, 67, 71]]);
    expect(phraseNeeds(phrase, mood("jazz-guitar")).lead.instrument).toBe("jazz-guitar");
    expect(phraseNeeds(phrase, mood("")).lead.instrument).toBe(AI_INSTRUMENTS.lead);
    expect(phraseNeeds(phrase, null).lead.instrument).toBe("electric-piano");
    expect(phraseNeeds(phrase, null).lead.pitches).toEqual(phrase.phrase.notes.map((note) => note.pitch));
    expect(phraseNeeds(phrase, null).chords).toEqual({ instrument: "piano", pitches: [64, 67, 71] });
  });

  it("loads every sample of a track it cannot know the notes of", () => {
    expect(phraseNeeds(slot([]), null).bass.pitches).toBeUndefined();
  });
});

describe("songNeeds", () => {
  it("takes each track's instrument and pitches from the song", () => {
    const track = (instrument: string, pitches: string[]) => ({ instrument, notes: [{ time: "0:0:0", duration: "1:0:0", pitches, velocity: 0.5 }] });
    const song = { melody: track("piano", ["E5"]), chords: track("electric-piano", ["C4", "E4"]), bass: track("bass", ["C2"]) } as Song;
    expect(songNeeds(song)).toEqual({
      lead: { instrument: "piano", pitches: [76] },
      chords: { instrument: "electric-piano", pitches: [60, 64] },
      bass: { instrument: "bass", pitches: [36] },
    });
  });
});

describe("voiceNeed", () => {
  it("speaks the listener's own words, reads a quote from the assets, or has none", () => {
    expect(voiceNeed(state({ quote: CUSTOM_QUOTE, quoteText: "Stay a while." }))).toEqual({ spoken: "Stay a while." });
    expect(voiceNeed(state({ quote: CUSTOM_QUOTE, quoteText: "" }))).toBeNull();
    expect(voiceNeed(state({ quote: "rest" }))).toEqual({ asset: "rest" });
    expect(voiceNeed(state({ quote: OFF }))).toBeNull();
    expect(voiceNeed(state({ quote: "" }))).toBeNull();
  });
});

describe("selectionNeeds", () => {
  it("names everything a mix needs, the custom quote and the mood's lead included", () => {
    const phrase = slot([[64, 67, 71]]);
    const needs = selectionNeeds({ state: state({ drums: "boom-bap", ambience: OFF, quote: CUSTOM_QUOTE, quoteText: "Hello.", melody: AI_MELODY }), phrase, mood: mood("piano") }, null);
    expect(needs.groove).toBe("boom-bap");
    expect(needs.ambience).toBeNull();
    expect(needs.voice).toEqual({ spoken: "Hello." });
    expect(needs.melody).toEqual(phraseNeeds(phrase, mood("piano")));
    expect(needs.melody?.lead.instrument).toBe("piano");
  });

  it("has no melody without one, or for the AI before its first phrase", () => {
    expect(selectionNeeds({ state: state({ melody: OFF }), mood: null }, null).melody).toBeNull();
    expect(selectionNeeds({ state: state({ melody: AI_MELODY }), mood: null }, null).melody).toBeNull();
  });
});
