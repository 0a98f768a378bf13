import { describe, expect, it } from "vitest";
import { defaultState, PlayerState, reconcile } from "./PlayerState";
import { queryToState, stateToQuery } from "./UrlState";

function someState(): PlayerState {
  const state = defaultState(123456);
  state.drums = "laid-back";
  state.ambience = "fireplace";
  state.quote = "custom";
  state.quoteText = "Sunday, rain & coffee = calm?";
  state.melody = "song:gymnopedie-1";
  state.bpm = 72;
  state.chords = "Dm9 G13 Cmaj9 A7b9";
  state.mood = "rainy sunday, a bit sad";
  state.endless = false;
  state.temperature = 0.85;
  state.mix.drums = { volume: 0.35, muted: true };
  state.mix.master = { volume: 1, muted: false };
  return state;
}

describe("URL state", () => {
  it("round-trips the whole state", () => {
    const state = someState();
    const parsed = queryToState(stateToQuery(state));
    expect(parsed.state).toEqual(state);
    expect(parsed.hadSeed).toBe(true);
    expect(parsed.notes).toEqual([]);
  });

  it("round-trips the defaults", () => {
    const state = defaultState(9);
    expect(queryToState(stateToQuery(state)).state).toEqual(state);
  });

  it("draws a seed when the link has none, and says so", () => {
    const parsed = queryToState("drums=boom-bap", () => 777);
    expect(parsed.state.seed).toBe(777);
    expect(parsed.hadSeed).toBe(false);
  });

  it("keeps playing from a damaged link, noting each problem", () => {
    const parsed = queryToState("bpm=300&seed=abc&drums=<script>&vol=master:x,bogus:3&mute=nothing&temp=", () => 5);
    expect(parsed.state.bpm).toBe(100);
    expect(parsed.state.seed).toBe(5);
    expect(parsed.state.drums).toBe(defaultState().drums);
    expect(parsed.state.mix.master.volume).toBe(defaultState().mix.master.volume);
    expect(parsed.notes).toEqual([
      "drums: '<script>' is not a name",
      "bpm: 300 is outside 60-100",
      "seed: 'abc' is not a number",
      "temp: '' is not a number",
      "vol: cannot read 'master:x'",
      "vol: cannot read 'bogus:3'",
      "mute: unknown channel 'nothing'",
    ]);
  });

  it("limits free text", () => {
    expect(queryToState("mood=" + "a".repeat(5000)).state.mood).toHaveLength(200);
  });
});

describe("reconcile", () => {
  const choices = { grooves: ["swing", "half-time"], ambiences: ["rain"], quotes: ["seneca"], songs: ["canon-in-d"] };

  it("keeps names the server has and switches unknown ones to the first choice", () => {
    const state = { ...defaultState(), drums: "half-time", ambience: "snow", quote: "", melody: "song:canon-in-d" };
    const { state: playable, notes } = reconcile(state, choices);
    expect(playable).toMatchObject({ drums: "half-time", ambience: "rain", quote: "seneca", melody: "song:canon-in-d" });
    expect(notes).toEqual(["ambience 'snow' is not available; playing 'rain'"]);
  });

  it("keeps layers switched off and a custom quote with text", () => {
    const state = { ...defaultState(), drums: "none", quote: "custom", quoteText: "hello" };
    expect(reconcile(state, choices).state).toMatchObject({ drums: "none", quote: "custom" });
    expect(reconcile({ ...state, quoteText: "" }, choices).state.quote).toBe("seneca");
  });
});
