// Plays a groove with the sampled kit on the Transport, so it follows any tempo.
// Grooves sit on an 8-bar grid: one chosen at bar 13 starts from its sixth bar.
import * as Tone from "tone";
import { drumKey, type Groove } from "../api/Manifest";
import { LoopPlan } from "../transport/LoopPlan";
import { type DrumEvent, grooveEvents } from "./DrumPattern";
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
  private readonly plan: LoopPlan;
  private readonly seed: number;
  private readonly onHit?: DrumLayerOptions["onHit"];
  private part?: Tone.Part<DrumEvent>;

  constructor(options: DrumLayerOptions) {
    super(options);
    this.plan = options.plan;
    this.seed = options.seed;
    this.onHit = options.onHit;
    this.addSounds(options.kit);
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

  /** Plays `groove` from `bar` on, in its place on the grid; null falls silent at `bar`. */
  play(groove: Groove | null, bar: number): void {
    const previous = this.part;
    this.part = undefined;
    if (previous) {
      previous.stop(this.barTime(bar));
      this.transport.scheduleOnce(() => previous.dispose(), this.barTime(bar + 1));
    }
    if (!groove) return;
    const ppq = this.transport.PPQ;
    const part = new Tone.Part<DrumEvent>({
      context: this.context,
      callback: (time, event) => this.hit(event, time),
      events: grooveEvents(groove, this.seed).map((event) => ({ ...event, time: `${Math.round(event.quarters * ppq)}i` })),
      loop: true,
      loopEnd: `${groove.bars}m`,
    });
    const offsetBars = this.plan.drumBarAt(bar) % groove.bars;
    part.start(this.barTime(bar), `${offsetBars}m`);
    this.part = part;
  }

  private hit(event: DrumEvent, time: number): void {
    const player = this.players.get(drumKey(event.drum));
    if (!player) return;
    const when = Math.max(this.context.currentTime, time + event.nudgeSeconds);
    player.volume.setValueAtTime(Tone.gainToDb(event.velocity), when);
    player.start(when);
    this.onHit?.(event.drum, event.velocity, when);
  }

  override dispose(): void {
    super.dispose();
    this.part?.dispose();
    for (const player of this.players.values()) player.dispose();
    this.players.clear();
  }
}
