// The lo-fi sound of the melody: a low-pass filter, wow (a slow vibrato, the
// pitch drift of a worn tape), a light bit-crush and a small reverb. The
// bit-crush is a native wave shaper with a staircase curve rather than Tone's
// worklet BitCrusher: same effect, a fraction of the cost when the mix is
// rendered offline.
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
  reverbDecay: 1.6,
  reverbWet: 0.25,
};

export class LofiChain {
  readonly input: Tone.Gain;
  readonly output: Tone.Gain;
  private readonly nodes: Array<{ dispose(): unknown }>;
  private readonly reverb: Tone.Reverb;

  constructor(options: Partial<LofiChainOptions> & { context: Tone.BaseContext }) {
    const settings = { ...DEFAULT_LOFI_CHAIN, ...options };
    const context = settings.context;
    this.input = new Tone.Gain({ context });
    this.output = new Tone.Gain({ context });
    const filter = new Tone.Filter({ context, type: "lowpass", frequency: settings.cutoff, Q: 0.7, rolloff: -12 });
    const wow = new Tone.Vibrato({ context, frequency: settings.wowRate, depth: settings.wowDepth, type: "sine" });
    const crusher = new BitDepthReducer({ context, bits: settings.bits, wet: settings.crushWet });
    this.reverb = new Tone.Reverb({ context, decay: settings.reverbDecay, preDelay: 0.02, wet: settings.reverbWet });
    this.nodes = [filter, wow, crusher, this.reverb];
    this.input.chain(filter, wow);
    wow.connect(crusher.input);
    crusher.output.chain(this.reverb, this.output);
  }

  /** Resolves when the reverb's impulse response has been generated. */
  get ready(): Promise<void> {
    return this.reverb.ready;
  }

  dispose(): void {
    for (const node of [this.input, ...this.nodes, this.output]) node.dispose();
  }
}

/** Rounds a sample to one of 2^bits levels: the staircase a low bit depth makes of a wave. */
export function quantize(sample: number, bits: number): number {
  const steps = 2 ** (bits - 1);
  return Math.round(sample * steps) / steps;
}

/** A dry/wet mix of the signal and its bit-reduced copy. */
class BitDepthReducer {
  readonly input: Tone.Gain;
  readonly output: Tone.Gain;
  private readonly parts: Tone.ToneAudioNode[];

  constructor(options: { context: Tone.BaseContext; bits: number; wet: number }) {
    const { context, bits, wet } = options;
    this.input = new Tone.Gain({ context });
    this.output = new Tone.Gain({ context });
    const shaper = new Tone.WaveShaper({ context, mapping: (value: number) => quantize(value, bits), length: 4096 });
    const dry = new Tone.Gain({ context, gain: 1 - wet });
    const crushed = new Tone.Gain({ context, gain: wet });
    this.input.chain(dry, this.output);
    this.input.chain(shaper, crushed, this.output);
    this.parts = [shaper, dry, crushed];
  }

  connect(destination: Tone.InputNode): this {
    this.output.connect(destination);
    return this;
  }

  dispose(): void {
    for (const node of [this.input, ...this.parts, this.output]) node.dispose();
  }
}
