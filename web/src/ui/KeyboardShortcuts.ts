// Keys for the player. Typing in a text field or using a slider, select or
// button with the keyboard is never taken over.
import type { MixChannel } from "../state/PlayerState";

export type ShortcutAction =
  | { kind: "togglePlay" }
  | { kind: "toggleMute"; channel: MixChannel }
  | { kind: "tempo"; change: number }
  | { kind: "masterVolume"; change: number }
  | { kind: "newTrack" };

const KEYS: Record<string, ShortcutAction> = {
  " ": { kind: "togglePlay" },
  d: { kind: "toggleMute", channel: "drums" },
  a: { kind: "toggleMute", channel: "ambience" },
  q: { kind: "toggleMute", channel: "quote" },
  m: { kind: "toggleMute", channel: "melody" },
  "0": { kind: "toggleMute", channel: "master" },
  "[": { kind: "tempo", change: -2 },
  "]": { kind: "tempo", change: 2 },
  "-": { kind: "masterVolume", change: -0.1 },
  "=": { kind: "masterVolume", change: 0.1 },
  "+": { kind: "masterVolume", change: 0.1 },
  n: { kind: "newTrack" },
};

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Tag name of the focused element ("INPUT", "BODY"...) and its type for inputs. */
  targetTag: string;
  targetType?: string;
}

/** The action for a key press, or undefined when the key belongs to something else. */
export function shortcutFor(input: KeyInput): ShortcutAction | undefined {
  if (input.ctrlKey || input.metaKey || input.altKey) return undefined;
  const tag = input.targetTag.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return undefined;
  // Sliders and checkboxes take no letters, so the shortcuts still work after dragging a fader.
  const keyless = input.targetType === "range" || input.targetType === "checkbox";
  if (tag === "INPUT" && !keyless) return undefined;
  // Space on a focused button or checkbox presses it; leave it to the browser.
  if (input.key === " " && (tag === "BUTTON" || input.targetType === "checkbox")) return undefined;
  return KEYS[input.key.length === 1 ? input.key.toLowerCase() : input.key];
}
