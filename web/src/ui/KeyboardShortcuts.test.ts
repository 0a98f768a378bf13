import { describe, expect, it } from "vitest";
import { type KeyInput, shortcutFor } from "./KeyboardShortcuts";

const press = (key: string, target: Partial<KeyInput> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, altKey: false, targetTag: "BODY", ...target });

describe("shortcutFor", () => {
  it("maps space to play and pause, letters to layer mutes", () => {
    expect(shortcutFor(press(" "))).toEqual({ kind: "togglePlay" });
    expect(shortcutFor(press("d"))).toEqual({ kind: "toggleMute", channel: "drums" });
    expect(shortcutFor(press("D"))).toEqual({ kind: "toggleMute", channel: "drums" });
    expect(shortcutFor(press("m"))).toEqual({ kind: "toggleMute", channel: "melody" });
    expect(shortcutFor(press("]"))).toEqual({ kind: "tempo", change: 2 });
  });

  it("leaves typing and focused controls alone", () => {
    expect(shortcutFor(press("d", { targetTag: "INPUT", targetType: "text" }))).toBeUndefined();
    expect(shortcutFor(press(" ", { targetTag: "BUTTON" }))).toBeUndefined();
    expect(shortcutFor(press("d", { targetTag: "SELECT" }))).toBeUndefined();
    expect(shortcutFor(press("d", { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press("x"))).toBeUndefined();
  });

  it("still takes letters and space after a fader was dragged", () => {
    expect(shortcutFor(press("d", { targetTag: "INPUT", targetType: "range" }))).toEqual({ kind: "toggleMute", channel: "drums" });
    expect(shortcutFor(press(" ", { targetTag: "INPUT", targetType: "range" }))).toEqual({ kind: "togglePlay" });
    expect(shortcutFor(press(" ", { targetTag: "INPUT", targetType: "checkbox" }))).toBeUndefined();
  });

  it("still takes letters when a checkbox has focus", () => {
    expect(shortcutFor(press("q", { targetTag: "INPUT", targetType: "checkbox" }))).toEqual({ kind: "toggleMute", channel: "quote" });
  });
});
