// Plays a groove with the sampled kit on the Transport, so it follows any tempo.
// One repeating sixteenth tick reads the groove in force at that bar: grooves
// sit on an 8-bar grid from bar 0 (one chosen at bar 13 starts from its sixth
// bar), and a change is a new entry from its bar on, so nothing is rebuilt.
import * as Tone from "tone";
import { drumKey, type Groove } from "../api/Manifest";
import { BarTimeline, grooveStepAt } from "../transport/BarTimeline";
import { ticksPerSixteenth } from "../transport/Bars";
import { LoopPlan } from "../transport/LoopPlan";
import { SIXTEENTHS_PER_BAR } from "../transport/TransportTime";
import { type DrumEvent, eventsByStep, grooveEvents } from "./DrumPattern";
import { hitStartTime } from "./HitTiming";
import { Layer, type LayerOptions } from "./Layer";

export interface DrumLayerOptions extends LayerOptions {
  /** Decoded one-shots by drum name. */
  kit: Map<string, Tone.ToneAudioBuffer>;
  seed: number;
  plan: LoopPlan;
  onHit?: (drum: string, velocity: number, time: number) => void;
}

export class DrumLayer extends Layer {
  private readonly players = new Map<string, Tone.Player>();
  /** When each drum last started, so that late hits never start one twice at a time. */
  private readonly lastStart = new Map<string, number>();
  private readonly plan: LoopPlan;
  private readonly seed: number;
  private readonly onHit?: DrumLayerOptions["onHit"];
  /** The groove's events by sixteenth, from each bar on (null: silent). */
  private readonly timeline = new BarTimeline<DrumEvent[][] | null>();
  private readonly tickId: number;

  constructor(options: DrumLayerOptions) {
    super(options);
    this.plan = options.plan;
    this.seed = options.seed;
    this.onHit = options.onHit;
    this.addSounds(options.kit);
    this.tickId = this.transport.scheduleRepeat((time) => this.tick(time), "16n", 0);
  }

  /** Adds one-shots loaded after the layer was made. */
  addSounds(kit: Map<string, Tone.ToneAudioBuffer>): void {
    for (const [name, buffer] of kit) {
      const key = drumKey(name);
      if (this.players.has(key)) continue;
      const player = new Tone.Player({ context: this.context, url: buffer, fadeOut: 0.005 });
      player.connect(this.output);
      this.players.set(key, player);
    }
  }

  /** Plays `groove` from `bar` on, in its place on the 8-bar grid; null falls silent at `bar`. */
  play(groove: Groove | null, bar: number): void {
    const steps = groove ? eventsByStep(grooveEvents(groove, this.seed), groove.steps.length) : null;
    this.timeline.forgetBefore(this.currentBar());
    this.timeline.set(bar, steps);
  }

  private tick(time: number): void {
    const step = Math.round(this.transport.getTicksAtTime(time) / ticksPerSixteenth(this.transport.PPQ));
    const steps = this.timeline.at(Math.floor(step / SIXTEENTHS_PER_BAR));
    if (!steps) return;
    const local = grooveStepAt(step, this.plan.options.drumBars * SIXTEENTHS_PER_BAR, steps.length);
    const secondsPerQuarter = 60 / this.transport.bpm.getValueAtTime(time);
    for (const event of steps[local]!) this.hit(event, time + event.lateQuarters * secondsPerQuarter);
  }

  private hit(event: DrumEvent, time: number): void {
    const player = this.players.get(drumKey(event.drum));
    if (!player) return;
    const key = drumKey(event.drum);
    const when = hitStartTime(time + event.nudgeSeconds, this.context.currentTime, this.lastStart.get(key));
    if (when === undefined) return;
    this.lastStart.set(key, when);
    player.volume.setValueAtTime(Tone.gainToDb(event.velocity), when);
    player.start(when);
    this.onHit?.(event.drum, event.velocity, when);
  }

  override dispose(): void {
    super.dispose();
    this.transport.clear(this.tickId);
    for (const player of this.players.values()) player.dispose();
    this.players.clear();
  }
}
