// A channel per layer into a master channel, and an analyser on the master
// output (for the visualizer, and for tests that check sound comes out).
import * as Tone from "tone";
import { type ChannelMix, LAYERS, type LayerName, MIX_CHANNELS, type MixChannel } from "../state/PlayerState";

export interface MixerOptions {
  context: Tone.BaseContext;
  destination: Tone.InputNode;
  /** Adds a waveform analyser on the master output. */
  analyse: boolean;
}

export class Mixer {
  readonly master: Tone.Channel;
  readonly channels: Record<LayerName, Tone.Channel>;
  readonly analyser?: Tone.Analyser;

  constructor(options: MixerOptions) {
    const context = options.context;
    this.master = new Tone.Channel({ context });
    this.master.connect(options.destination);
    this.channels = Object.fromEntries(
      LAYERS.map((layer) => [layer, new Tone.Channel({ context }).connect(this.master)]),
    ) as Record<LayerName, Tone.Channel>;
    if (options.analyse) {
      this.analyser = new Tone.Analyser({ context, type: "waveform", size: 2048 });
      this.master.connect(this.analyser);
    }
  }

  channel(name: MixChannel): Tone.Channel {
    return name === "master" ? this.master : this.channels[name];
  }

  /**
   * Volume changes glide over 50 ms so a fader never clicks (0: set at once,
   * as before a render). A fader at zero goes to -100 dB, not -Infinity: a ramp
   * cannot climb back out of -Infinity.
   */
  set(name: MixChannel, mix: ChannelMix, glideSeconds = 0.05): void {
    const channel = this.channel(name);
    if (glideSeconds > 0) channel.volume.rampTo(Mixer.decibels(mix.volume), glideSeconds);
    else channel.volume.value = Mixer.decibels(mix.volume);
    channel.mute = mix.muted;
  }

  /** Every channel as the state's mix says. */
  setAll(mix: Record<MixChannel, ChannelMix>, glideSeconds?: number): void {
    for (const name of MIX_CHANNELS) this.set(name, mix[name], glideSeconds);
  }

  static decibels(volume: number): number {
    return Math.max(-100, volume <= 0 ? -100 : Tone.gainToDb(volume));
  }

  /** Root-mean-square level of the master output right now, 0 to 1. */
  level(): number {
    if (!this.analyser) return 0;
    const samples = this.analyser.getValue() as Float32Array;
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    return Math.sqrt(sum / samples.length);
  }

  dispose(): void {
    for (const channel of Object.values(this.channels)) channel.dispose();
    this.master.dispose();
    this.analyser?.dispose();
  }
}
