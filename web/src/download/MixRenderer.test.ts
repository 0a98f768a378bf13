import type * as Tone from "tone";
import { describe, expect, it } from "vitest";
import { phraseOfSeed } from "../api/FakeServer";
import type { Groove } from "../api/Manifest";
import type { Song } from "../api/Song";
import type { EnsembleSamples } from "../layers/Ensemble";
import type { EnsembleNeeds, VoiceNeed } from "../player/SelectionNeeds";
import { AI_MELODY, CUSTOM_QUOTE, defaultState, OFF } from "../state/PlayerState";
import { loadMixSounds, type MixBank } from "./MixRenderer";

const sound = (label: string) => ({ label }) as unknown as Tone.ToneAudioBuffer;

/** A bank that hands out labelled stand-ins and writes down what it was asked for. */
function recordingBank() {
  const asked = { voices: [] as VoiceNeed[], ensembles: [] as EnsembleNeeds[] };
  const bank: MixBank = {
    groove: (name) => ({ name, steps: [] }) as unknown as Groove,
    kitFor: async () => new Map([["kick", sound("kick")]]),
    ambience: async (name) => sound(`ambience ${name}`),
    voice: async (need) => {
      asked.voices.push(need);
      return need ? sound("spoken" in need ? `said ${need.spoken}` : `quote ${need.asset}`) : null;
    },
    crackle: async () => sound("crackle"),
    ensemble: async (needs) => {
      asked.ensembles.push(needs);
      return {} as EnsembleSamples;
    },
  };
  return { bank, asked };
}

const noSongs = { load: () => Promise.reject(new Error("no song chosen")) };

describe("loadMixSounds", () => {
  const phrase = { phrase: phraseOfSeed(9), index: 0, request: { bars: 30, temperature: 1, topP: 0.95, seed: 9 } };

  it("renders the listener's own quote", async () => {
    const { bank, asked } = recordingBank();
    const state = { ...defaultState(9), quote: CUSTOM_QUOTE, quoteText: "Stay a while.", melody: OFF };
    const sounds = await loadMixSounds({ state, mood: null }, bank, noSongs);
    expect(asked.voices).toEqual([{ spoken: "Stay a while." }]);
    expect(sounds.voice).toEqual(sound("said Stay a while."));
  });

  it("plays the AI phrase on the mood's instrument, with the bass samples the AI bass plays", async () => {
    const { bank, asked } = recordingBank();
    const state = { ...defaultState(9), melody: AI_MELODY, mood: "a quiet night" };
    const mood = { valence: 0, arousal: -1, key: "E", mode: "minor", progression: "Em", bpm: 70, instrument: "jazz-guitar", temperature: 1 };
    await loadMixSounds({ state, phrase, mood }, bank, noSongs);
    expect(asked.ensembles).toHaveLength(1);
    expect(asked.ensembles[0]!.lead.instrument).toBe("jazz-guitar");
    expect(asked.ensembles[0]!.bass.pitches).toEqual([28, 28, 28]); // E minor chords: E1 each bar
  });

  it("plays a song on its own instruments", async () => {
    const { bank, asked } = recordingBank();
    const track = (instrument: string) => ({ instrument, notes: [{ time: "0:0:0", duration: "0:1:0", pitches: ["C4"], velocity: 0.5 }] });
    const song = { melody: track("piano"), chords: track("electric-piano"), bass: track("bass") } as Song;
    const state = { ...defaultState(9), melody: "song:canon" };
    const sounds = await loadMixSounds({ state, mood: null }, bank, { load: async (id) => (id === "canon" ? song : Promise.reject(new Error(id))) });
    expect(sounds.song).toBe(song);
    expect(asked.ensembles.map((needs) => [needs.lead.instrument, needs.chords.instrument, needs.bass.instrument])).toEqual([["piano", "electric-piano", "bass"]]);
  });

  it("loads the groove and the ambience chosen, and nothing for what is off", async () => {
    const { bank } = recordingBank();
    const on = await loadMixSounds({ state: { ...defaultState(9), drums: "boom-bap", ambience: "rain", melody: OFF }, mood: null }, bank, noSongs);
    expect([on.groove?.name, on.kit.size, on.ambience]).toEqual(["boom-bap", 1, sound("ambience rain")]);
    const off = await loadMixSounds({ state: { ...defaultState(9), drums: OFF, ambience: OFF, quote: OFF, melody: OFF }, mood: null }, bank, noSongs);
    expect([off.groove, off.kit.size, off.ambience, off.voice, off.melody]).toEqual([null, 0, null, null, null]);
  });
});
