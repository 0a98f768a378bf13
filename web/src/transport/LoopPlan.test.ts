import { describe, expect, it } from "vitest";
import { LoopPlan } from "./LoopPlan";

const plan = new LoopPlan();

describe("LoopPlan", () => {
  it("has the player's loop lengths in bars", () => {
    expect(plan.options.drumBars).toBe(8);
    expect(plan.options.ambienceBars).toBe(12);
    expect(plan.options.melodyBars).toBe(30);
  });

  it("keeps drums on an 8-bar grid and ambience on a 12-bar grid", () => {
    expect([0, 7, 8, 13, 16, 23].map((bar) => plan.drumBarAt(bar))).toEqual([0, 7, 0, 5, 0, 7]);
    expect([0, 11, 12, 13, 24, 35].map((bar) => plan.ambienceBarAt(bar))).toEqual([0, 11, 0, 1, 0, 11]);
  });

  it("speaks the quote first at the fifth bar, then every melody loop", () => {
    expect(plan.isQuoteBar(3)).toBe(false);
    expect(plan.isQuoteBar(4)).toBe(true);
    expect(plan.quoteBarsBetween(0, 100)).toEqual([4, 34, 64, 94]);
  });

  it("can speak the quote once only", () => {
    const once = new LoopPlan({ quoteEveryBars: 0 });
    expect(once.quoteBarsBetween(0, 100)).toEqual([4]);
  });

  it("places melody slots of 30 bars from where the melody began", () => {
    expect(plan.melodySlot(0, 0)).toEqual({ index: 0, startBar: 0, endBar: 30 });
    expect(plan.melodySlot(29, 0)).toEqual({ index: 0, startBar: 0, endBar: 30 });
    expect(plan.melodySlot(30, 0)).toEqual({ index: 1, startBar: 30, endBar: 60 });
    expect(plan.melodySlot(40, 13)).toEqual({ index: 0, startBar: 13, endBar: 43 });
  });

  it("asks for the next phrase before the current one ends", () => {
    expect(plan.nextPhraseRequestBar(0)).toBe(26);
    expect(plan.nextPhraseRequestBar(30)).toBe(56);
  });

  it("wraps loop positions before the anchor", () => {
    expect(LoopPlan.barInLoop(2, 8, 5)).toBe(5);
  });

  it("rejects a plan that cannot work", () => {
    expect(() => new LoopPlan({ drumBars: 1.5 })).toThrow("drumBars");
    expect(() => new LoopPlan({ melodyBars: 4, phraseLeadBars: 4 })).toThrow("phraseLeadBars");
  });
});
