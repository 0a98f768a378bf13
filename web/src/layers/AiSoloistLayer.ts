// The AI soloist: phrases written by the server's LSTM, one per 30-bar slot.
// In endless mode the next phrase is asked for a few bars before the current one
// ends, so the music goes on without repeating; if it is late, the current phrase
// plays once more rather than leaving a gap. Chords that come with a phrase are
// comped, with their lowest note as the bass.
import * as Tone from "tone";
import type { Phrase, PhraseChord, PhraseNote } from "../api/ServerApi";
import { beatsToTicks } from "../transport/Bars";
import { midiToNoteName } from "../transport/NoteName";
import { LoopPlan } from "../transport/LoopPlan";
import { Ensemble } from "./Ensemble";
import { Layer, type LayerOptions } from "./Layer";

export interface AiSoloistLayerOptions extends LayerOptions {
  plan: LoopPlan;
  /** Asks the server for phrase number `index` of the current settings. */
  requestPhrase: (index: number) => Promise<Phrase>;
  /** Called when a phrase is scheduled, with its index and the bar it starts at. */
  onPhrase?: (phrase: Phrase, index: number, startBar: number) => void;
  onError?: (error: Error) => void;
  onNotePlayed?: (note: PhraseNote, index: number, time: number) => void;
  endless: boolean;
}

type Scheduled = { phrase: Phrase; index: number };

/**
 * What the next 30-bar slot plays: in endless mode the phrase asked for ahead
 * if it has arrived; otherwise (not endless, or late) the current one again,
 * so there is never a gap.
 */
export function nextSlotPhrase<T>(current: T, upcoming: T | undefined, endless: boolean): T {
  return endless && upcoming !== undefined ? upcoming : current;
}

/** The bass note of a chord: its lowest pitch, moved into the octave from E1 up. */
export function bassPitchOf(chord: PhraseChord): number | undefined {
  if (chord.pitches.length === 0) return undefined;
  let pitch = Math.min(...chord.pitches);
  while (pitch >= 40) pitch -= 12;
  while (pitch < 28) pitch += 12;
  return pitch;
}

export class AiSoloistLayer extends Layer {
  private readonly plan: LoopPlan;
  /** Who plays the phrases; set before `start`. */
  ensemble: Ensemble | null = null;
  private readonly options: AiSoloistLayerOptions;
  private parts: Array<Tone.Part<any>> = [];
  private timers: number[] = [];
  /** Bumped on every restart so that late answers and old timers are ignored. */
  private generation = 0;
  private current?: Scheduled;
  private upcoming?: Scheduled;
  endless: boolean;

  constructor(options: AiSoloistLayerOptions) {
    super(options);
    this.options = options;
    this.plan = options.plan;
    this.endless = options.endless;
  }

  /**
   * Starts over with phrase 0 of the current settings, asked for at once. It is
   * heard from `bar` if it is already here, else from the bar after it arrives.
   * Resolves when the phrase is scheduled.
   */
  async start(bar: number, prefetched?: Phrase): Promise<void> {
    this.stopAt(bar);
    const generation = ++this.generation;
    let phrase: Phrase;
    try {
      phrase = prefetched ?? (await this.options.requestPhrase(0));
    } catch (error) {
      if (generation === this.generation) this.options.onError?.(error as Error);
      return;
    }
    if (generation !== this.generation) return;
    const running = this.transport.state === "started";
    const startBar = running ? Math.max(bar, this.nextPreparableBar()) : Math.max(bar, this.currentBar());
    this.scheduleSlot({ phrase, index: 0 }, startBar, generation);
  }

  /** Falls silent at `bar` and forgets pending phrases. */
  stopAt(bar: number): void {
    this.generation++;
    for (const part of this.parts) part.stop(this.barTime(bar));
    const old = this.parts;
    this.parts = [];
    if (old.length > 0) this.transport.scheduleOnce(() => old.forEach((part) => part.dispose()), this.barTime(bar + 1));
    for (const id of this.timers) this.transport.clear(id);
    this.timers = [];
    this.current = undefined;
    this.upcoming = undefined;
  }

  get phrase(): Phrase | undefined {
    return this.current?.phrase;
  }

  private scheduleSlot(slot: Scheduled, startBar: number, generation: number): void {
    this.current = slot;
    this.upcoming = undefined;
    const endBar = startBar + this.plan.options.melodyBars;
    this.parts = this.parts.filter((part) => part.state === "started" || part.state === "stopped");
    this.parts.push(...this.makeParts(slot, startBar, endBar));
    this.options.onPhrase?.(slot.phrase, slot.index, startBar);
    const requestBar = this.plan.nextPhraseRequestBar(startBar);
    this.timers.push(this.transport.scheduleOnce(() => this.prepareNext(slot, generation), this.barTime(requestBar)));
    // One bar ahead of the slot's end, put the next slot on the Transport.
    this.timers.push(this.transport.scheduleOnce(() => this.advance(endBar, generation), this.barTime(endBar - 1)));
  }

  private prepareNext(slot: Scheduled, generation: number): void {
    if (generation !== this.generation || !this.endless) return;
    const index = slot.index + 1;
    this.options.requestPhrase(index).then(
      (phrase) => {
        if (generation === this.generation) this.upcoming = { phrase, index };
      },
      (error: Error) => {
        if (generation === this.generation) this.options.onError?.(error);
      },
    );
  }

  private advance(nextStartBar: number, generation: number): void {
    if (generation !== this.generation || !this.current) return;
    const next = nextSlotPhrase(this.current, this.upcoming, this.endless);
    this.scheduleSlot(next, nextStartBar, generation);
  }

  private makeParts(slot: Scheduled, startBar: number, endBar: number): Array<Tone.Part<any>> {
    const ticks = (beats: number) => `${beatsToTicks(beats, this.transport.PPQ)}i`;
    const slotBeats = this.plan.options.melodyBars * 4;
    const notes = slot.phrase.notes.filter((note) => note.onsetBeats < slotBeats);
    const lead = new Tone.Part<{ time: string; note: PhraseNote }>({
      context: this.context,
      callback: (time, { note }) => {
        this.ensemble?.play("lead", [midiToNoteName(note.pitch)], ticks(note.durationBeats), time, note.velocity);
        this.options.onNotePlayed?.(note, slot.index, time);
      },
      events: notes.map((note) => ({ time: ticks(note.onsetBeats), note })),
    });
    const chords = slot.phrase.chords.filter((chord) => chord.pitches.length > 0 && chord.onsetBeats < slotBeats);
    const comping = new Tone.Part<{ time: string; chord: PhraseChord }>({
      context: this.context,
      callback: (time, { chord }) => {
        this.ensemble?.play("chords", chord.pitches.map(midiToNoteName), ticks(chord.durationBeats), time, 0.45);
        const bass = bassPitchOf(chord);
        if (bass !== undefined) this.ensemble?.play("bass", [midiToNoteName(bass)], ticks(chord.durationBeats), time, 0.6);
      },
      events: chords.map((chord) => ({ time: ticks(chord.onsetBeats), chord })),
    });
    for (const part of [lead, comping]) {
      part.start(this.barTime(startBar));
      part.stop(this.barTime(endBar));
      this.transport.scheduleOnce(() => part.dispose(), this.barTime(endBar + 1));
    }
    return [lead, comping];
  }

  override dispose(): void {
    this.stopAt(this.currentBar());
    super.dispose();
    for (const part of this.parts) part.dispose();
  }
}
