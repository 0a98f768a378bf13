// Renders the mix as the listener hears it into a WAV, faster than real time:
// a second Rig is built in a Tone.Offline context from the sounds already
// decoded, playing the same choices from bar 0.
import * as Tone from "tone";
import type { Groove } from "../api/Manifest";
import type { Song } from "../api/Song";
import type { SongLibrary } from "../api/SongLibrary";
import type { EnsembleSamples } from "../layers/Ensemble";
import { LoopPlan } from "../transport/LoopPlan";
import { secondsOfBars } from "../transport/TransportTime";
import { songIdOf } from "../state/PlayerState";
import { Rig } from "../player/Rig";
import { type Selection, selectionNeeds } from "../player/SelectionNeeds";
import type { SoundBank } from "../player/SoundBank";
import { encodeWav } from "./WavEncoder";

export type MixBank = Pick<SoundBank, "groove" | "kitFor" | "ambience" | "voice" | "crackle" | "ensemble">;

export interface MixRenderOptions {
  /** What is chosen and playing now (LofiPlayer.selection); the offline render asks the server for nothing. */
  selection: Selection;
  bank: MixBank;
  songs: Pick<SongLibrary, "load">;
  plan: LoopPlan;
  bars: number;
  sampleRate?: number;
}

export interface RenderedMix {
  wav: ArrayBuffer;
  seconds: number;
  renderMs: number;
}

/** The decoded sounds of a mix. */
export interface MixSounds {
  groove: Groove | null;
  kit: Map<string, Tone.ToneAudioBuffer>;
  ambience: Tone.ToneAudioBuffer | null;
  voice: Tone.ToneAudioBuffer | null;
  crackle: Tone.ToneAudioBuffer;
  song: Song | null;
  melody: EnsembleSamples | null;
}

/** Loads, in the live context, what the selection needs (the same needs the player loads), so the offline render only wires. */
export async function loadMixSounds(selection: Selection, bank: MixBank, songs: Pick<SongLibrary, "load">): Promise<MixSounds> {
  const songId = songIdOf(selection.state.melody);
  const song = songId ? await songs.load(songId) : null;
  const needs = selectionNeeds(selection, song);
  const groove = needs.groove === null ? null : bank.groove(needs.groove);
  const [kit, ambience, voice, crackle, melody] = await Promise.all([
    groove ? bank.kitFor(groove) : new Map<string, Tone.ToneAudioBuffer>(),
    needs.ambience === null ? null : bank.ambience(needs.ambience),
    bank.voice(needs.voice),
    bank.crackle(),
    needs.melody ? bank.ensemble(needs.melody) : null,
  ]);
  return { groove, kit, ambience, voice, crackle, song, melody };
}

/** The render plays the phrase playing now (not endless), so it never asks the server for another. */
function askNothing(): never {
  throw new Error("the mix renders the phrase playing and asks the server for no other");
}

export async function renderMix(options: MixRenderOptions): Promise<RenderedMix> {
  const { selection, plan } = options;
  const { state, phrase } = selection;
  const sounds = await loadMixSounds(selection, options.bank, options.songs);
  const tailSeconds = 3;
  const seconds = secondsOfBars(options.bars, state.bpm) + tailSeconds;
  const started = performance.now();
  const rendered = await Tone.Offline(
    async ({ transport }) => {
      const rig = new Rig({
        context: Tone.getContext(),
        plan,
        seed: state.seed,
        endless: false,
        analyse: false,
        requestFor: askNothing,
        generate: askNothing,
        hooks: {},
      });
      transport.bpm.value = state.bpm;
      rig.mixer.setAll(state.mix, 0);
      rig.drums.addSounds(sounds.kit);
      rig.drums.play(sounds.groove, 0);
      rig.ambience.play(sounds.ambience, 0);
      rig.quote.setCrackle(sounds.crackle);
      rig.quote.play(sounds.voice, 0);
      if (sounds.melody) {
        const ensemble = rig.ensemble(sounds.melody);
        await ensemble.ready;
        if (sounds.song) rig.song.play(sounds.song, ensemble, 0);
        else if (phrase) rig.ai.start(0, phrase, ensemble);
      }
      transport.start(0);
      performance.mark("lofi:mix-wired");
    },
    seconds,
    2,
    options.sampleRate ?? 44100,
  );
  const renderMs = performance.now() - started;
  const audio = rendered.get()!;
  const channels = Array.from({ length: audio.numberOfChannels }, (_, index) => audio.getChannelData(index));
  return { wav: encodeWav(channels, audio.sampleRate), seconds, renderMs };
}
