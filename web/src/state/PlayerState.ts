// The whole state of the player as plain data. It lives in the URL (UrlState),
// so a shared link plays the same music: same layers, tempo, seed, chords, mood.

export const LAYERS = ["drums", "ambience", "quote", "melody"] as const;
export type LayerName = (typeof LAYERS)[number];
export type MixChannel = LayerName | "master";
export const MIX_CHANNELS: readonly MixChannel[] = ["master", ...LAYERS];

/** A layer switched off is "none"; the melody is "ai" or "song:<id>". */
export const OFF = "none";
export const AI_MELODY = "ai";
export const SONG_PREFIX = "song:";
export const CUSTOM_QUOTE = "custom";

export const MIN_BPM = 60;
export const MAX_BPM = 100;
export const MAX_TEXT = 200;

export interface ChannelMix {
  /** 0 to 1. */
  volume: number;
  muted: boolean;
}

export interface PlayerState {
  drums: string;
  ambience: string;
  quote: string;
  /** The listener's own quote, spoken by the server when `quote` is "custom". */
  quoteText: string;
  melody: string;
  bpm: number;
  seed: number;
  chords: string;
  mood: string;
  /** The AI soloist writes a new phrase every loop instead of repeating one. */
  endless: boolean;
  temperature: number;
  mix: Record<MixChannel, ChannelMix>;
}

export function defaultMix(): Record<MixChannel, ChannelMix> {
  return {
    master: { volume: 0.8, muted: false },
    drums: { volume: 0.8, muted: false },
    ambience: { volume: 0.5, muted: false },
    quote: { volume: 0.8, muted: false },
    melody: { volume: 0.8, muted: false },
  };
}

/** Defaults name the likely first entries; `reconcile` swaps names the manifest lacks for its first. */
export function defaultState(seed = 1): PlayerState {
  return {
    drums: "boom-bap",
    ambience: "rain",
    quote: "",
    quoteText: "",
    melody: AI_MELODY,
    bpm: 80,
    seed,
    chords: "",
    mood: "",
    endless: true,
    temperature: 1,
    mix: defaultMix(),
  };
}

export function clampBpm(bpm: number): number {
  return Math.round(Math.min(MAX_BPM, Math.max(MIN_BPM, bpm)));
}

export function songIdOf(melody: string): string | undefined {
  return melody.startsWith(SONG_PREFIX) ? melody.slice(SONG_PREFIX.length) : undefined;
}

export interface Choices {
  grooves: string[];
  ambiences: string[];
  quotes: string[];
  songs: string[];
}

/**
 * Makes a state playable with what the server has: a name it does not know
 * becomes the first choice (or "none" when there is none), with a note saying so.
 */
export function reconcile(state: PlayerState, choices: Choices): { state: PlayerState; notes: string[] } {
  const notes: string[] = [];
  const pick = (layer: string, value: string, options: string[], extra: string[] = []): string => {
    if (value === OFF || options.includes(value) || extra.includes(value)) return value;
    const replacement = options[0] ?? OFF;
    if (value !== "") notes.push(`${layer} '${value}' is not available; playing '${replacement}'`);
    return replacement;
  };
  const next: PlayerState = { ...state, mix: { ...state.mix } };
  next.drums = pick("drums", state.drums, choices.grooves);
  next.ambience = pick("ambience", state.ambience, choices.ambiences);
  next.quote = pick("quote", state.quote, choices.quotes, state.quoteText ? [CUSTOM_QUOTE] : []);
  next.melody = pick("melody", state.melody, [AI_MELODY, ...choices.songs.map((id) => SONG_PREFIX + id)]);
  return { state: next, notes };
}
