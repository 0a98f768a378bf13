// A rain, wind, fire, waves or night loop. The file loops seamlessly by itself;
// on the 12-bar grid it restarts with a crossfade, and a change crossfades too.
import * as Tone from "tone";
import { LoopPlan } from "../transport/LoopPlan";
import { secondsOfBars } from "../transport/TransportTime";
import { Layer, type LayerOptions } from "./Layer";

export interface AmbienceLayerOptions extends LayerOptions {
  plan: LoopPlan;
  /** Seconds of each crossfade. */
  fade?: number;
}

export class AmbienceLayer extends Layer {
  private readonly players: [Tone.Player, Tone.Player];
  private readonly plan: LoopPlan;
  private readonly fade: number;
  private active = 0;
  private buffer: Tone.ToneAudioBuffer | null = null;
  private repeatId?: number;

  constructor(options: AmbienceLayerOptions) {
    super(options);
    this.plan = options.plan;
    this.fade = options.fade ?? 2;
    const make = () => new Tone.Player({ context: this.context, loop: true, fadeIn: this.fade, fadeOut: this.fade }).connect(this.output);
    this.players = [make(), make()];
    this.onTransport("start", (time) => this.sound(time, this.barAtTime(time)));
    this.onTransport("pause", (time) => this.silence(time));
    this.onTransport("stop", (time) => this.silence(time));
  }

  /** Crossfades to `buffer` (null: fades out) at `audioTime`, or at the next start when stopped. */
  play(buffer: Tone.ToneAudioBuffer | null, bar: number, audioTime?: number): void {
    this.buffer = buffer;
    if (this.repeatId !== undefined) this.transport.clear(this.repeatId);
    this.repeatId = undefined;
    if (buffer) {
      const loopBars = this.plan.options.ambienceBars;
      this.restartAt(Math.ceil((bar + 1) / loopBars) * loopBars);
    }
    if (audioTime !== undefined) this.sound(audioTime, bar);
  }

  /**
   * Restarts the loop on each line of the 12-bar grid from `gridBar`. One
   * event at a time rather than Transport.scheduleRepeat, which reads the
   * clock without a time and warns when made inside a scheduled callback
   * (where bar-quantized changes run).
   */
  private restartAt(gridBar: number): void {
    this.repeatId = this.transport.scheduleOnce((time) => {
      this.sound(time, this.barAtTime(time, "nearest"));
      this.restartAt(gridBar + this.plan.options.ambienceBars);
    }, this.barTime(gridBar));
  }

  /** Starts the loop at `time` from where bar `bar` of the 12-bar grid falls in the file. */
  private sound(time: number, bar: number): void {
    // Stopped at `time` whatever their state now: a player may be started or
    // scheduled to start later than now (ambiences switched quickly), and
    // starting one again at a time it already starts is an error in Tone.js.
    // Stopping cancels what was scheduled from `time` on.
    const outgoing = this.players[this.active]!;
    const wasSounding = outgoing.state === "started";
    outgoing.stop(time);
    if (!this.buffer) return;
    this.active = 1 - this.active;
    const incoming = this.players[this.active]!;
    incoming.stop(time);
    incoming.buffer = this.buffer;
    const offset = secondsOfBars(this.plan.ambienceBarAt(bar), this.transport.bpm.value) % Math.max(0.001, this.buffer.duration);
    // Out of silence the ambience comes in quickly; between two loops it crossfades slowly.
    incoming.fadeIn = wasSounding ? this.fade : Math.min(this.fade, 0.3);
    incoming.start(time, offset);
  }

  private silence(time: number): void {
    for (const player of this.players) if (player.state === "started") player.stop(time);
  }

  override dispose(): void {
    super.dispose();
    if (this.repeatId !== undefined) this.transport.clear(this.repeatId);
    for (const player of this.players) player.dispose();
  }
}
