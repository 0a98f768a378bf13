// Loads what SelectionNeeds names, and nothing more: the drums a groove uses,
// one ambience, a quote's voice, the samples that reach the pitches of a piece.
// A vinyl crackle is made here if the assets have none.
import * as Tone from "tone";
import { byName, chooseFile, drumKey, type Groove, type Manifest, matchInstrument } from "../api/Manifest";
import type { AssetLoader } from "../layers/AssetLoader";
import { makeCrackle } from "../layers/Crackle";
import type { EnsembleSamples, SampleSet } from "../layers/Ensemble";
import { samplesNeeded } from "./SampleChoice";
import type { EnsembleNeeds, VoiceNeed } from "./SelectionNeeds";

export interface SoundBankOptions {
  manifest: Manifest;
  loader: AssetLoader;
  /** Whether the browser plays a MIME type (an audio element's canPlayType). */
  canPlay: (mime: string) => boolean;
  /** The listener's words as encoded audio (POST /api/speak). */
  speak: (text: string) => Promise<ArrayBuffer>;
}

/** An ambience that only sits under quotes: it gets no scene. */
function isCrackle(name: string): boolean {
  return /vinyl|crackle/i.test(name);
}

export class SoundBank {
  readonly manifest: Manifest;
  private readonly options: SoundBankOptions;
  private crackleBuffer?: Promise<Tone.ToneAudioBuffer>;
  /** The last words spoken, kept so that rendering the mix does not ask the server again. */
  private spoken?: { text: string; buffer: Promise<Tone.ToneAudioBuffer> };

  constructor(options: SoundBankOptions) {
    this.options = options;
    this.manifest = options.manifest;
  }

  groove(name: string): Groove {
    return byName(this.manifest.grooves, name, "grooves");
  }

  async kitFor(groove: Groove): Promise<Map<string, Tone.ToneAudioBuffer>> {
    const used = new Set(groove.steps.flat().map((hit) => drumKey(hit.drum)));
    const sounds = this.manifest.drumKit.filter((sound) => used.has(drumKey(sound.name)));
    const buffers = await Promise.all(sounds.map((sound) => this.load(sound.files, `drumKit ${sound.name}`)));
    return new Map(sounds.map((sound, index) => [sound.name, buffers[index]!]));
  }

  ambience(name: string): Promise<Tone.ToneAudioBuffer> {
    return this.load(byName(this.manifest.ambiences, name, "ambiences").files, `ambience ${name}`);
  }

  /** A quote's voice: the manifest's recording, or the listener's words spoken by the server. */
  async voice(need: VoiceNeed): Promise<Tone.ToneAudioBuffer | null> {
    if (!need) return null;
    if ("asset" in need) return this.load(byName(this.manifest.quotes, need.asset, "quotes").files, `quote ${need.asset}`);
    if (this.spoken?.text !== need.spoken) {
      const buffer = this.options.speak(need.spoken).then((bytes) => this.options.loader.decode(bytes, "/api/speak"));
      const spoken = { text: need.spoken, buffer };
      this.spoken = spoken;
      // A failure is not kept: the next try asks the server again.
      buffer.catch(() => {
        if (this.spoken === spoken) this.spoken = undefined;
      });
    }
    return this.spoken.buffer;
  }

  /** The samples of each track's instrument that reach its pitches. */
  async ensemble(needs: EnsembleNeeds): Promise<EnsembleSamples> {
    const [lead, chords, bass] = await Promise.all([needs.lead, needs.chords, needs.bass].map((need) => this.instrument(need.instrument, need.pitches)));
    return { lead: lead!, chords: chords!, bass: bass! };
  }

  /** The assets' vinyl crackle if there is one, else one made here. */
  crackle(): Promise<Tone.ToneAudioBuffer> {
    if (!this.crackleBuffer) {
      const asset = this.manifest.ambiences.find((ambience) => isCrackle(ambience.name));
      this.crackleBuffer = asset ? this.load(asset.files, `ambience ${asset.name}`) : Promise.resolve(this.madeCrackle());
    }
    return this.crackleBuffer;
  }

  /** Ambiences with a scene of their own (the crackle only sits under quotes). */
  sceneAmbiences(): string[] {
    return this.manifest.ambiences.filter((ambience) => !isCrackle(ambience.name)).map((ambience) => ambience.name);
  }

  /** Samples of the instrument best matching `name`, limited to what reaches `pitches` when given. */
  private async instrument(name: string, pitches?: Iterable<number>): Promise<{ name: string; samples: SampleSet }> {
    const instrument = matchInstrument(this.manifest.instruments, name);
    const notes = samplesNeeded(Object.keys(instrument.samples), pitches);
    const buffers = await Promise.all(notes.map((note) => this.load(instrument.samples[note]!, `instrument ${instrument.name} ${note}`)));
    return { name: `${instrument.name}:${notes.join(",")}`, samples: Object.fromEntries(notes.map((note, index) => [note, buffers[index]!])) };
  }

  private madeCrackle(): Tone.ToneAudioBuffer {
    const sampleRate = Tone.getContext().sampleRate;
    const samples = makeCrackle({ seconds: 6, sampleRate });
    return Tone.ToneAudioBuffer.fromArray(samples);
  }

  private load(files: Manifest["ambiences"][number]["files"], what: string): Promise<Tone.ToneAudioBuffer> {
    return this.options.loader.load(chooseFile(files, this.options.canPlay, what).url);
  }
}
