// A spoken line, first at the fifth bar and again every melody loop, with vinyl
// crackle fading in under it and out after it. A new choice is spoken at the
// next bar, so the listener hears what they picked.
import * as Tone from "tone";
import { LoopPlan } from "../transport/LoopPlan";
import { Layer, type LayerOptions } from "./Layer";

export interface QuoteLayerOptions extends LayerOptions {
  plan: LoopPlan;
  crackle?: Tone.ToneAudioBuffer;
  /** Level of the crackle under the voice, 0 to 1. */
  crackleLevel?: number;
  /** Called as a quote is spoken, saying whether crackle was laid under it. */
  onSpeak?: (time: number, withCrackle: boolean) => void;
}

export class QuoteLayer extends Layer {
  private readonly voice: Tone.Player;
  private readonly crackle: Tone.Player;
  private readonly plan: LoopPlan;
  private readonly onSpeak?: QuoteLayerOptions["onSpeak"];
  private buffer: Tone.ToneAudioBuffer | null = null;
  private readonly repeatId: number;
  private onceId?: number;

  constructor(options: QuoteLayerOptions) {
    super(options);
    this.plan = options.plan;
    this.onSpeak = options.onSpeak;
    this.voice = new Tone.Player({ context: this.context, fadeIn: 0.02, fadeOut: 0.2 }).connect(this.output);
    this.crackle = new Tone.Player({
      context: this.context,
      ...(options.crackle ? { url: options.crackle } : {}),
      loop: true,
      fadeIn: 0.4,
      fadeOut: 0.8,
      volume: Tone.gainToDb(options.crackleLevel ?? 0.5),
    }).connect(this.output);
    const { quoteFirstBar, quoteEveryBars } = this.plan.options;
    this.repeatId =
      quoteEveryBars > 0
        ? this.transport.scheduleRepeat((time) => this.speak(time), `${quoteEveryBars}m`, this.barTime(quoteFirstBar))
        : this.transport.scheduleOnce((time) => this.speak(time), this.barTime(quoteFirstBar));
    this.onTransport("pause", (time) => this.silence(time));
    this.onTransport("stop", (time) => this.silence(time));
  }

  setCrackle(buffer: Tone.ToneAudioBuffer): void {
    if (this.crackle.state !== "started") this.crackle.buffer = buffer;
  }

  /**
   * Uses `buffer` from now on. With `speakNow` and the Transport playing
   * (audioTime given) it is also spoken at once, at that bar: a listener who
   * picks a quote hears it without waiting for the next quote bar.
   */
  play(buffer: Tone.ToneAudioBuffer | null, bar: number, audioTime?: number, speakNow = true): void {
    this.buffer = buffer;
    if (this.onceId !== undefined) this.transport.clear(this.onceId);
    this.onceId = undefined;
    if (!buffer) {
      if (audioTime !== undefined) this.silence(audioTime);
      return;
    }
    // On the regular grid the repeat speaks anyway; elsewhere speak once now.
    if (speakNow && audioTime !== undefined && !this.plan.isQuoteBar(bar)) this.speak(audioTime);
  }

  private speak(time: number): void {
    if (!this.buffer) return;
    if (this.voice.state === "started") this.voice.stop(time);
    this.voice.buffer = this.buffer;
    // The crackle comes in half a second ahead when it can, and leaves a second after the voice.
    const crackleStart = Math.max(this.context.currentTime, time - 0.5);
    const end = time + this.buffer.duration + 1;
    const withCrackle = this.crackle.buffer.loaded;
    if (withCrackle) {
      if (this.crackle.state === "started") this.crackle.stop(crackleStart);
      this.crackle.start(crackleStart, Math.random() * Math.max(0, this.crackle.buffer.duration - 0.1));
      this.crackle.stop(end);
    }
    this.voice.start(time);
    this.onSpeak?.(time, withCrackle);
  }

  private silence(time: number): void {
    if (this.voice.state === "started") this.voice.stop(time);
    if (this.crackle.state === "started") this.crackle.stop(time);
  }

  override dispose(): void {
    super.dispose();
    this.transport.clear(this.repeatId);
    if (this.onceId !== undefined) this.transport.clear(this.onceId);
    this.voice.dispose();
    this.crackle.dispose();
  }
}
