// Where each layer sits on the one Transport, in bars. Pure arithmetic so that
// the schedule can be tested without audio.

/** Options for the loop plan; the defaults are the player's arrangement. */
export interface LoopPlanOptions {
  /** Drum grooves repeat every this many bars. */
  drumBars: number;
  /** Ambience restarts (with a crossfade) every this many bars. */
  ambienceBars: number;
  /** A melody (song or AI phrase) fills a slot of this many bars, then repeats or moves on. */
  melodyBars: number;
  /** The quote is first heard at this bar, counted from zero (4 is the fifth bar). */
  quoteFirstBar: number;
  /** ...and again every this many bars. */
  quoteEveryBars: number;
  /** Endless mode asks for the next phrase this many bars before the current one ends. */
  phraseLeadBars: number;
}

export const DEFAULT_LOOP_PLAN: Readonly<LoopPlanOptions> = Object.freeze({
  drumBars: 8,
  ambienceBars: 12,
  melodyBars: 30,
  quoteFirstBar: 4,
  quoteEveryBars: 30,
  phraseLeadBars: 4,
});

export class LoopPlan {
  readonly options: Readonly<LoopPlanOptions>;

  constructor(options: Partial<LoopPlanOptions> = {}) {
    this.options = { ...DEFAULT_LOOP_PLAN, ...options };
    for (const [name, value] of Object.entries(this.options)) {
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`loop plan ${name} must be a whole number >= 0, got ${value}`);
    }
    if (this.options.phraseLeadBars >= this.options.melodyBars) {
      throw new RangeError("loop plan phraseLeadBars must be shorter than melodyBars");
    }
  }

  /** Which bar of a loop of `loopBars` bars sounds at `bar`, when the loop began at `anchorBar`. */
  static barInLoop(bar: number, loopBars: number, anchorBar = 0): number {
    const offset = (bar - anchorBar) % loopBars;
    return offset < 0 ? offset + loopBars : offset;
  }

  /** The bar a drum groove chosen now should start from so it stays on the 8-bar grid. */
  drumBarAt(bar: number): number {
    return LoopPlan.barInLoop(bar, this.options.drumBars);
  }

  ambienceBarAt(bar: number): number {
    return LoopPlan.barInLoop(bar, this.options.ambienceBars);
  }

  /** Is the quote spoken at the start of `bar`? */
  isQuoteBar(bar: number): boolean {
    const { quoteFirstBar, quoteEveryBars } = this.options;
    if (bar < quoteFirstBar) return false;
    return quoteEveryBars === 0 ? bar === quoteFirstBar : (bar - quoteFirstBar) % quoteEveryBars === 0;
  }

  /** The bars in [fromBar, toBar) where the quote is spoken. */
  quoteBarsBetween(fromBar: number, toBar: number): number[] {
    const bars: number[] = [];
    for (let bar = Math.max(0, fromBar); bar < toBar; bar++) if (this.isQuoteBar(bar)) bars.push(bar);
    return bars;
  }

  /** The melody slot that holds `bar`, for a melody that began at `anchorBar`. */
  melodySlot(bar: number, anchorBar: number): { index: number; startBar: number; endBar: number } {
    const { melodyBars } = this.options;
    const index = Math.floor((bar - anchorBar) / melodyBars);
    const startBar = anchorBar + index * melodyBars;
    return { index, startBar, endBar: startBar + melodyBars };
  }

  /** In endless mode, the bar at which the phrase after the slot starting at `slotStartBar` is requested. */
  nextPhraseRequestBar(slotStartBar: number): number {
    return slotStartBar + this.options.melodyBars - this.options.phraseLeadBars;
  }
}
