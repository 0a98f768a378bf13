// Renders the mix as the listener hears it into a WAV, faster than real time:
// a second Rig is built in a Tone.Offline context from the sounds already
// decoded, playing the same choices from bar 0.
import * as Tone from "tone";
import { byName } from "../api/Manifest";
import type { Phrase } from "../api/ServerApi";
import type { Song } from "../api/Song";
import type { SongLibrary } from "../api/SongLibrary";
import { noteNameToMidi } from "../transport/NoteName";
import { LoopPlan } from "../transport/LoopPlan";
import { secondsOfBars } from "../transport/TransportTime";
import { AI_MELODY, CUSTOM_QUOTE, MIX_CHANNELS, OFF, type PlayerState, songIdOf } from "../state/PlayerState";
import { AI_INSTRUMENTS } from "../player/LofiPlayer";
import { Mixer } from "../layers/Mixer";
import { Rig } from "../player/Rig";
import type { SoundBank } from "../player/SoundBank";
import { encodeWav } from "./WavEncoder";

export interface MixRenderOptions {
  state: PlayerState;
  bank: SoundBank;
  songs: SongLibrary;
  plan: LoopPlan;
  /** The AI phrase playing now (the offline render asks the server for nothing). */
  phrase?: Phrase;
  /** The custom quote's decoded voice, if that is the chosen quote. */
  customQuote?: Tone.ToneAudioBuffer;
  bars: number;
  sampleRate?: number;
}

export interface RenderedMix {
  wav: ArrayBuffer;
  seconds: number;
  renderMs: number;
}

export async function renderMix(options: MixRenderOptions): Promise<RenderedMix> {
  const { state, bank, plan } = options;
  // Load everything first, in the live context, so the offline callback only wires.
  const groove = state.drums === OFF ? null : byName(bank.manifest.grooves, state.drums, "grooves");
  const kit = groove ? await bank.kitFor(groove) : new Map();
  const ambience = state.ambience === OFF ? null : await bank.ambience(state.ambience);
  const quote = state.quote === CUSTOM_QUOTE ? options.customQuote ?? null : state.quote && state.quote !== OFF ? await bank.quote(state.quote) : null;
  const crackle = await bank.crackle();
  const songId = songIdOf(state.melody);
  const song: Song | null = songId ? await options.songs.load(songId) : null;
  const pitches = (track: Song["melody"]) => track.notes.flatMap((note) => note.pitches.map(noteNameToMidi));
  const samples = song
    ? await Promise.all([bank.instrument(song.melody.instrument, pitches(song.melody)), bank.instrument(song.chords.instrument, pitches(song.chords)), bank.instrument(song.bass.instrument, pitches(song.bass))])
    : options.phrase && state.melody === AI_MELODY
      ? await Promise.all([bank.instrument(AI_INSTRUMENTS.lead), bank.instrument(AI_INSTRUMENTS.chords), bank.instrument(AI_INSTRUMENTS.bass)])
      : null;

  const tailSeconds = 3;
  const seconds = secondsOfBars(options.bars, state.bpm) + tailSeconds;
  const started = performance.now();
  const rendered = await Tone.Offline(
    async ({ transport }) => {
      const context = Tone.getContext();
      const phrase = options.phrase;
      const rig = new Rig({
        context,
        plan,
        seed: state.seed,
        endless: false,
        analyse: false,
        requestPhrase: () => (phrase ? Promise.resolve(phrase) : Promise.reject(new Error("no AI phrase to render"))),
        hooks: {},
      });
      transport.bpm.value = state.bpm;
      for (const channel of MIX_CHANNELS) {
        const mix = state.mix[channel];
        rig.mixer.channel(channel).volume.value = Mixer.decibels(mix.volume);
        rig.mixer.channel(channel).mute = mix.muted;
      }
      rig.drums.addSounds(kit);
      rig.drums.play(groove, 0);
      rig.ambience.play(ambience, 0);
      rig.quote.setCrackle(crackle);
      rig.quote.play(quote, 0);
      if (samples) {
        const [lead, chords, bass] = samples;
        const ensemble = rig.ensemble({ lead: lead!, chords: chords!, bass: bass! });
        await ensemble.ready;
        if (song) rig.song.play(song, ensemble, 0);
        else if (phrase) {
          rig.ai.ensemble = ensemble;
          await rig.ai.start(0, phrase);
        }
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
