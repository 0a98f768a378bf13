// The lo-fi sound of the melody: a low-pass filter, wow (a slow vibrato, the
// pitch drift of a worn tape), a light bit-crush and a small reverb.
import * as Tone from "tone";

export interface LofiChainOptions {
  context: Tone.BaseContext;
  /** Low-pass cut-off in Hz. */
  cutoff: number;
  /** Wow rate in Hz and depth (0 to 1 of Tone's vibrato depth). */
  wowRate: number;
  wowDepth: number;
  /** Bit depth of the crusher and how much of it is heard. */
  bits: number;
  crushWet: number;
  reverbDecay: number;
  reverbWet: number;
}

export const DEFAULT_LOFI_CHAIN: Readonly<Omit<LofiChainOptions, "context">> = {
  cutoff: 3200,
  wowRate: 0.6,
  wowDepth: 0.12,
  bits: 8,
  crushWet: 0.25,
  reverbDecay: 2.8,
  reverbWet: 0.25,
};

export class LofiChain {
  readonly input: Tone.Gain;
  readonly output: Tone.Gain;
  private readonly nodes: Tone.ToneAudioNode[];
  private readonly reverb: Tone.Reverb;

  constructor(options: Partial<LofiChainOptions> & { context: Tone.BaseContext }) {
    const settings = { ...DEFAULT_LOFI_CHAIN, ...options };
    const context = settings.context;
    this.input = new Tone.Gain({ context });
    this.output = new Tone.Gain({ context });
    const filter = new Tone.Filter({ context, type: "lowpass", frequency: settings.cutoff, Q: 0.7, rolloff: -12 });
    const wow = new Tone.Vibrato({ context, frequency: settings.wowRate, depth: settings.wowDepth, type: "sine" });
    const crusher = new Tone.BitCrusher({ context, bits: settings.bits });
    crusher.wet.value = settings.crushWet;
    this.reverb = new Tone.Reverb({ context, decay: settings.reverbDecay, preDelay: 0.02, wet: settings.reverbWet });
    this.nodes = [filter, wow, crusher, this.reverb];
    this.input.chain(filter, wow, crusher, this.reverb, this.output);
  }

  /** Resolves when the reverb's impulse response has been generated. */
  get ready(): Promise<void> {
    return this.reverb.ready;
  }

  dispose(): void {
    for (const node of [this.input, ...this.nodes, this.output]) node.dispose();
  }
}
