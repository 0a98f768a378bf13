// Finds in the manifest the sounds a choice needs and loads only those: the
// drums a groove uses, one ambience, one quote, the samples that reach the
// pitches of a piece. A vinyl crackle is made here if the assets have none.
import * as Tone from "tone";
import { byName, chooseFile, drumKey, type Groove, type Manifest, matchInstrument } from "../api/Manifest";
import { AssetLoader } from "../layers/AssetLoader";
import { makeCrackle } from "../layers/Crackle";
import type { SampleSet } from "../layers/Ensemble";
import { samplesNeeded } from "./SampleChoice";

export class SoundBank {
  private crackleBuffer?: Promise<Tone.ToneAudioBuffer>;

  constructor(
    readonly manifest: Manifest,
    readonly loader: AssetLoader,
    private readonly canPlay: (mime: string) => boolean,
  ) {}

  async kitFor(groove: Groove): Promise<Map<string, Tone.ToneAudioBuffer>> {
    const used = new Set(groove.steps.flat().map((hit) => drumKey(hit.drum)));
    const sounds = this.manifest.drumKit.filter((sound) => used.has(drumKey(sound.name)));
    const buffers = await Promise.all(sounds.map((sound) => this.load(sound.files, `drumKit ${sound.name}`)));
    return new Map(sounds.map((sound, index) => [sound.name, buffers[index]!]));
  }

  ambience(name: string): Promise<Tone.ToneAudioBuffer> {
    return this.load(byName(this.manifest.ambiences, name, "ambiences").files, `ambience ${name}`);
  }

  quote(name: string): Promise<Tone.ToneAudioBuffer> {
    return this.load(byName(this.manifest.quotes, name, "quotes").files, `quote ${name}`);
  }

  /** Samples of the instrument best matching `name`, limited to what reaches `pitches` when given. */
  async instrument(name: string, pitches?: Iterable<number>): Promise<{ name: string; samples: SampleSet }> {
    const instrument = matchInstrument(this.manifest.instruments, name);
    const notes = samplesNeeded(Object.keys(instrument.samples), pitches);
    const buffers = await Promise.all(notes.map((note) => this.load(instrument.samples[note]!, `instrument ${instrument.name} ${note}`)));
    return { name: `${instrument.name}:${notes.join(",")}`, samples: Object.fromEntries(notes.map((note, index) => [note, buffers[index]!])) };
  }

  /** The assets' vinyl crackle if there is one, else one made here. */
  crackle(): Promise<Tone.ToneAudioBuffer> {
    if (!this.crackleBuffer) {
      const asset = this.manifest.ambiences.find((ambience) => /vinyl|crackle/i.test(ambience.name));
      this.crackleBuffer = asset ? this.load(asset.files, `ambience ${asset.name}`) : Promise.resolve(this.madeCrackle());
    }
    return this.crackleBuffer;
  }

  /** Ambiences with a scene of their own (the crackle only sits under quotes). */
  sceneAmbiences(): string[] {
    return this.manifest.ambiences.filter((ambience) => !/vinyl|crackle/i.test(ambience.name)).map((ambience) => ambience.name);
  }

  private madeCrackle(): Tone.ToneAudioBuffer {
    const sampleRate = Tone.getContext().sampleRate;
    const samples = makeCrackle({ seconds: 6, sampleRate });
    return Tone.ToneAudioBuffer.fromArray(samples);
  }

  private load(files: Manifest["ambiences"][number]["files"], what: string): Promise<Tone.ToneAudioBuffer> {
    return this.loader.load(chooseFile(files, this.canPlay, what).url);
  }
}
