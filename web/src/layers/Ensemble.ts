// The three sampled players of a melody layer: lead, chords and bass, each a
// Tone.Sampler over the manifest's instrument samples. Lead and chords go
// through the lo-fi chain; the bass stays clean so the low end holds.
import * as Tone from "tone";
import { LofiChain } from "./LofiChain";

export type Track = "lead" | "chords" | "bass";
/** Note name ("C4") to decoded sample. */
export type SampleSet = Record<string, Tone.ToneAudioBuffer>;
/** The instrument each track plays (named with the samples loaded) and its decoded samples. */
export type EnsembleSamples = Record<Track, { name: string; samples: SampleSet }>;

export interface EnsembleOptions {
  context: Tone.BaseContext;
  output: Tone.InputNode;
  samples: Record<Track, SampleSet>;
  onNote?: (track: Track, pitches: string[], velocity: number, time: number, seconds: number) => void;
}

export class Ensemble {
  readonly chain: LofiChain;
  private readonly samplers: Record<Track, Tone.Sampler>;
  private readonly context: Tone.BaseContext;
  private readonly onNote?: EnsembleOptions["onNote"];

  constructor(options: EnsembleOptions) {
    this.context = options.context;
    this.onNote = options.onNote;
    this.chain = new LofiChain({ context: options.context });
    this.chain.output.connect(options.output);
    const make = (samples: SampleSet, release: number) => new Tone.Sampler({ context: options.context, urls: samples, release });
    this.samplers = {
      lead: make(options.samples.lead, 1.2).connect(this.chain.input),
      chords: make(options.samples.chords, 1.6).connect(this.chain.input),
      bass: make(options.samples.bass, 0.4).connect(options.output),
    };
    this.samplers.chords.volume.value = -6;
  }

  /** Plays `pitches` for `duration` (a Transport time such as "0:1:0" or ticks "96i"). */
  play(track: Track, pitches: string[], duration: Tone.Unit.Time, time: number, velocity: number): void {
    const seconds = this.context.transport.toSeconds(duration);
    this.samplers[track].triggerAttackRelease(pitches, seconds, time, velocity);
    this.onNote?.(track, pitches, velocity, time, seconds);
  }

  /** Lets ringing notes fade at `time` (used when the melody changes). */
  releaseAll(time?: number): void {
    for (const sampler of Object.values(this.samplers)) sampler.releaseAll(time);
  }

  get ready(): Promise<void> {
    return this.chain.ready;
  }

  dispose(): void {
    for (const sampler of Object.values(this.samplers)) sampler.dispose();
    this.chain.dispose();
  }
}
