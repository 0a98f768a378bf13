// The player state <-> the URL's query string. Reading is forgiving: a value
// that cannot be used keeps its default and a note says why, so a damaged link
// still plays.
import {
  ChannelMix,
  clampBpm,
  defaultState,
  MAX_BPM,
  MAX_TEXT,
  MIN_BPM,
  MIX_CHANNELS,
  MixChannel,
  PlayerState,
} from "./PlayerState";

const MAX_SEED = 2 ** 31 - 1;
const NAME_PATTERN = /^[A-Za-z0-9:_.-]{1,100}$/;

function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function stateToQuery(state: PlayerState): string {
  const params = new URLSearchParams();
  params.set("drums", state.drums);
  params.set("ambience", state.ambience);
  params.set("quote", state.quote);
  if (state.quoteText) params.set("text", state.quoteText);
  params.set("melody", state.melody);
  params.set("bpm", String(state.bpm));
  params.set("seed", String(state.seed));
  if (state.chords) params.set("chords", state.chords);
  if (state.mood) params.set("mood", state.mood);
  params.set("endless", state.endless ? "1" : "0");
  params.set("temp", formatNumber(state.temperature));
  params.set("vol", MIX_CHANNELS.map((channel) => `${channel}:${Math.round(state.mix[channel].volume * 100)}`).join(","));
  const muted = MIX_CHANNELS.filter((channel) => state.mix[channel].muted);
  if (muted.length > 0) params.set("mute", muted.join(","));
  return params.toString();
}

export interface ParsedQuery {
  state: PlayerState;
  /** Whether the link carried a seed (if not, a new one was drawn and should be written back). */
  hadSeed: boolean;
  notes: string[];
}

export function queryToState(query: string, newSeed: () => number = randomSeed): ParsedQuery {
  const params = new URLSearchParams(query);
  const notes: string[] = [];
  const hadSeed = params.has("seed");
  const state = defaultState();

  const name = (key: "drums" | "ambience" | "quote" | "melody") => {
    const value = params.get(key);
    if (value === null) return;
    if (value === "" && key === "quote") state.quote = "";
    else if (NAME_PATTERN.test(value)) state[key] = value;
    else notes.push(`${key}: '${value.slice(0, 40)}' is not a name`);
  };
  name("drums");
  name("ambience");
  name("quote");
  name("melody");

  const text = (key: string): string => (params.get(key) ?? "").slice(0, MAX_TEXT);
  state.quoteText = text("text");
  state.chords = text("chords");
  state.mood = text("mood");

  const number = (key: string, min: number, max: number): number | undefined => {
    const raw = params.get(key);
    if (raw === null) return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value)) {
      notes.push(`${key}: '${raw.slice(0, 20)}' is not a number`);
      return undefined;
    }
    if (value < min || value > max) notes.push(`${key}: ${value} is outside ${min}-${max}`);
    return Math.min(max, Math.max(min, value));
  };
  const bpm = number("bpm", MIN_BPM, MAX_BPM);
  if (bpm !== undefined) state.bpm = clampBpm(bpm);
  const seed = number("seed", 0, MAX_SEED);
  state.seed = seed !== undefined ? Math.floor(seed) : newSeed();
  const temperature = number("temp", 0.1, 2);
  if (temperature !== undefined) state.temperature = temperature;
  const endless = params.get("endless");
  if (endless !== null) state.endless = endless !== "0" && endless !== "false";

  for (const entry of (params.get("vol") ?? "").split(",").filter(Boolean)) {
    const [channel, percent] = entry.split(":");
    const mix = state.mix[channel as MixChannel] as ChannelMix | undefined;
    const value = Number(percent);
    if (!mix || percent === undefined || !Number.isFinite(value)) {
      notes.push(`vol: cannot read '${entry.slice(0, 30)}'`);
      continue;
    }
    mix.volume = Math.min(1, Math.max(0, value / 100));
  }
  for (const channel of (params.get("mute") ?? "").split(",").filter(Boolean)) {
    const mix = state.mix[channel as MixChannel] as ChannelMix | undefined;
    if (mix) mix.muted = true;
    else notes.push(`mute: unknown channel '${channel.slice(0, 30)}'`);
  }
  return { state, hadSeed, notes };
}

export function randomSeed(): number {
  const values = new Uint32Array(1);
  globalThis.crypto.getRandomValues(values);
  return values[0]! % MAX_SEED;
}
