// The AI soloist: phrases written by the server's LSTM, one per 30-bar slot.
// The layer asks for every phrase itself. Phrase 0 is fetched first (the player
// loads the samples its notes reach, then starts it on a bar line); in endless
// mode the next phrase is asked for a few bars before the current one ends, so
// the music goes on without repeating; if it is late, the current phrase plays
// once more rather than leaving a gap.
import type { GenerateRequest, Phrase } from "../api/ServerApi";
import { barsToTransportTime } from "../transport/TransportTime";
import { currentBar } from "../transport/Bars";
import type { LoopPlan } from "../transport/LoopPlan";
import type { TransportLike } from "../transport/TransportLike";
import type { Ensemble } from "./Ensemble";

/** A phrase, its place in the track, and the request that made it (for the MIDI download). */
export interface PhraseSlot {
  phrase: Phrase;
  index: number;
  request: GenerateRequest;
}

/** Sounds the phrases in the bars the layer gives; PhraseParts is the Tone.js one. */
export interface SlotPerformer {
  /** Who plays the notes from now on. */
  use(ensemble: Ensemble | null): void;
  play(slot: PhraseSlot, startBar: number, endBar: number): void;
  /** Falls silent at `bar`. */
  stopAt(bar: number): void;
  dispose(): void;
}

export interface AiSoloistLayerOptions {
  transport: TransportLike;
  plan: LoopPlan;
  endless: boolean;
  performer: SlotPerformer;
  /** The request for phrase `index` with the listener's settings now. */
  requestFor: (index: number) => GenerateRequest;
  /** Sends a request to the server. */
  generate: (request: GenerateRequest) => Promise<Phrase>;
  /** Phrase `index` was asked for while at bar `bar`. */
  onPhraseRequested?: (index: number, bar: number, request: GenerateRequest) => void;
  /** A phrase was scheduled from `startBar`. */
  onPhrase?: (slot: PhraseSlot, startBar: number) => void;
  onError?: (error: Error) => void;
}

/**
 * What the next 30-bar slot plays: in endless mode the phrase asked for ahead
 * if it has arrived; otherwise (not endless, or late) the current one again,
 * so there is never a gap.
 */
export function nextSlotPhrase<T>(current: T, upcoming: T | undefined, endless: boolean): T {
  return endless && upcoming !== undefined ? upcoming : current;
}

export class AiSoloistLayer {
  private readonly options: AiSoloistLayerOptions;
  private readonly transport: TransportLike;
  private timers: number[] = [];
  /** Bumped on every restart so that late answers and old timers are ignored. */
  private generation = 0;
  private current?: PhraseSlot;
  private upcoming?: PhraseSlot;
  endless: boolean;

  constructor(options: AiSoloistLayerOptions) {
    this.options = options;
    this.transport = options.transport;
    this.endless = options.endless;
  }

  /** Asks the server for phrase `index` of the current settings. */
  async fetch(index: number): Promise<PhraseSlot> {
    const request = this.options.requestFor(index);
    this.options.onPhraseRequested?.(index, currentBar(this.transport), request);
    return { phrase: await this.options.generate(request), index, request };
  }

  /** Starts over at `bar` with `first` (phrase 0, fetched with `fetch`), played by `ensemble`. */
  start(bar: number, first: PhraseSlot, ensemble: Ensemble | null): void {
    this.stopAt(bar);
    this.options.performer.use(ensemble);
    this.scheduleSlot(first, bar, this.generation);
  }

  /** Falls silent at `bar` and forgets pending phrases. */
  stopAt(bar: number): void {
    this.generation++;
    this.options.performer.stopAt(bar);
    for (const id of this.timers) this.transport.clear(id);
    this.timers = [];
    this.current = undefined;
    this.upcoming = undefined;
  }

  /** The phrase playing now. */
  get slot(): PhraseSlot | undefined {
    return this.current;
  }

  private scheduleSlot(slot: PhraseSlot, startBar: number, generation: number): void {
    this.current = slot;
    this.upcoming = undefined;
    const endBar = startBar + this.options.plan.options.melodyBars;
    this.options.performer.play(slot, startBar, endBar);
    this.options.onPhrase?.(slot, startBar);
    const requestBar = this.options.plan.nextPhraseRequestBar(startBar);
    this.timers.push(this.transport.scheduleOnce(() => this.prepareNext(slot, generation), barsToTransportTime(requestBar)));
    // One bar ahead of the slot's end, put the next slot on the Transport.
    this.timers.push(this.transport.scheduleOnce(() => this.advance(endBar, generation), barsToTransportTime(endBar - 1)));
  }

  private prepareNext(slot: PhraseSlot, generation: number): void {
    if (generation !== this.generation || !this.endless) return;
    this.fetch(slot.index + 1).then(
      (next) => {
        if (generation === this.generation) this.upcoming = next;
      },
      (error: Error) => {
        if (generation === this.generation) this.options.onError?.(error);
      },
    );
  }

  private advance(nextStartBar: number, generation: number): void {
    if (generation !== this.generation || !this.current) return;
    this.scheduleSlot(nextSlotPhrase(this.current, this.upcoming, this.endless), nextStartBar, generation);
  }

  dispose(): void {
    this.stopAt(currentBar(this.transport));
    this.options.performer.dispose();
  }
}
