// One of the three public-domain songs: melody, chords and bass as Tone.Parts,
// starting from the song's first bar at the bar it was chosen and repeating in
// a 30-bar loop (a song shorter than that leaves a few bars of groove to breathe).
import * as Tone from "tone";
import type { Song, SongNote, SongTrack } from "../api/Song";
import { LoopPlan } from "../transport/LoopPlan";
import { Ensemble, type Track } from "./Ensemble";
import { Layer, type LayerOptions } from "./Layer";

export interface SongLayerOptions extends LayerOptions {
  plan: LoopPlan;
}

export class SongLayer extends Layer {
  private readonly plan: LoopPlan;
  private parts: Array<Tone.Part<SongNote>> = [];

  constructor(options: SongLayerOptions) {
    super(options);
    this.plan = options.plan;
  }

  /** The loop length for a song: the melody slot, or the song itself if longer. */
  loopBars(song: Song): number {
    return Math.max(this.plan.options.melodyBars, song.bars);
  }

  /** Plays `song` with `ensemble` from its first bar at `bar`; null falls silent there. */
  play(song: Song | null, ensemble: Ensemble | null, bar: number): void {
    this.retireParts(this.parts, bar);
    this.parts = [];
    if (!song || !ensemble) return;
    const loopEnd = `${this.loopBars(song)}m`;
    const tracks: Array<[Track, SongTrack]> = [
      ["lead", song.melody],
      ["chords", song.chords],
      ["bass", song.bass],
    ];
    for (const [track, data] of tracks) {
      const part = new Tone.Part<SongNote>({
        context: this.context,
        callback: (time, note) => ensemble.play(track, note.pitches, note.duration, time, note.velocity),
        events: data.notes.map((note) => ({ ...note })),
        loop: true,
        loopEnd,
      });
      part.start(this.barTime(bar));
      this.parts.push(part);
    }
  }

  override dispose(): void {
    super.dispose();
    for (const part of this.parts) part.dispose();
    this.parts = [];
  }
}
