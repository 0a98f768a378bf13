// The line that says what a mood sentence became. The server's key may
// already name its mode ("C minor"): the mode is then not said twice. A mood
// that changes the tempo says so, with the tempo it replaces.
import type { MoodAnswer } from "../api/ServerApi";
import { clampBpm } from "../state/PlayerState";

export function keyWithMode(key: string, mode?: string): string {
  if (!mode || key.toLowerCase().includes(mode.toLowerCase())) return key;
  return `${key} ${mode}`;
}

/** `previousBpm`: the player's tempo before the mood. */
export function moodLine(mood: MoodAnswer, previousBpm: number): string {
  const bpm = clampBpm(mood.bpm);
  const tempo = bpm === previousBpm ? `${bpm} BPM (the tempo stays)` : `${bpm} BPM: the tempo changes from ${previousBpm} at the next bar`;
  return `The mood became ${keyWithMode(mood.key, mood.mode)}, ${mood.progression}${mood.instrument ? ` on ${mood.instrument}` : ""}; ${tempo}.`;
}
