// Binds the page's controls (index.html) to the player state: fills the
// choices from the manifest and the songs, reports each change as a patch, and
// shows the state when it changes from elsewhere (keys, mood, the URL).
import type { Manifest } from "../api/Manifest";
import type { SongEntry } from "../api/SongLibrary";
import {
  AI_MELODY,
  CUSTOM_QUOTE,
  LAYERS,
  MIX_CHANNELS,
  type MixChannel,
  OFF,
  type PlayerState,
  SONG_PREFIX,
} from "../state/PlayerState";

export interface ControlHandlers {
  change(patch: Partial<PlayerState>): void;
  togglePlay(): void;
  newTrack(): void;
  downloadMidi(): void;
  downloadWav(): void;
  copyLink(): void;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

function fill(select: HTMLSelectElement, options: Array<[string, string]>): void {
  select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
}

export class Controls {
  private state: PlayerState;

  constructor(
    manifest: Manifest,
    sceneAmbiences: string[],
    songs: SongEntry[],
    state: PlayerState,
    private readonly handlers: ControlHandlers,
  ) {
    this.state = state;
    const off: [string, string] = [OFF, "Off"];
    fill(element("drums"), [...manifest.grooves.map((groove): [string, string] => [groove.name, groove.title]), off]);
    fill(element("ambience"), [
      ...manifest.ambiences.filter((ambience) => sceneAmbiences.includes(ambience.name)).map((ambience): [string, string] => [ambience.name, ambience.title]),
      off,
    ]);
    fill(element("quote"), [
      ...manifest.quotes.map((quote): [string, string] => [quote.name, quote.author ? `${quote.author}: “${quote.text.slice(0, 40)}${quote.text.length > 40 ? "…" : ""}”` : quote.text]),
      [CUSTOM_QUOTE, "Your own words…"],
      off,
    ]);
    fill(element("melody"), [[AI_MELODY, "AI soloist (live)"], ...songs.map((song): [string, string] => [SONG_PREFIX + song.id, song.title]), off]);
    this.bind();
    this.render(state);
  }

  private bind(): void {
    const { change } = this.handlers;
    for (const layer of LAYERS) {
      element<HTMLSelectElement>(layer).addEventListener("change", (event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (layer === "quote" && value === CUSTOM_QUOTE) {
          element("custom-quote").hidden = false;
          element<HTMLInputElement>("quote-text").focus();
          if (!this.state.quoteText) return;
        }
        change({ [layer]: value } as Partial<PlayerState>);
      });
    }
    for (const channel of MIX_CHANNELS) {
      element<HTMLInputElement>(`vol-${channel}`).addEventListener("input", (event) => {
        const volume = Number((event.target as HTMLInputElement).value) / 100;
        change({ mix: { ...this.state.mix, [channel]: { ...this.state.mix[channel], volume } } });
      });
      element(`mute-${channel}`).addEventListener("click", () => this.toggleMute(channel));
    }
    element<HTMLInputElement>("tempo").addEventListener("input", (event) => change({ bpm: Number((event.target as HTMLInputElement).value) }));
    element<HTMLInputElement>("temperature").addEventListener("change", (event) => change({ temperature: Number((event.target as HTMLInputElement).value) }));
    element<HTMLInputElement>("endless").addEventListener("change", (event) => change({ endless: (event.target as HTMLInputElement).checked }));
    element<HTMLInputElement>("seed").addEventListener("change", (event) => {
      const seed = Math.floor(Number((event.target as HTMLInputElement).value));
      if (Number.isFinite(seed) && seed >= 0) change({ seed });
    });
    for (const field of ["chords", "mood"] as const) element(field).addEventListener("input", () => this.markRefused(field, false));
    element("ai-form").addEventListener("submit", (event) => {
      event.preventDefault();
      change({
        chords: element<HTMLInputElement>("chords").value.trim(),
        mood: element<HTMLInputElement>("mood").value.trim(),
        melody: AI_MELODY,
      });
    });
    element("custom-quote").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = element<HTMLInputElement>("quote-text").value.trim();
      if (text) change({ quote: CUSTOM_QUOTE, quoteText: text });
    });
    element("play").addEventListener("click", () => this.handlers.togglePlay());
    element("new-seed").addEventListener("click", () => this.handlers.newTrack());
    element("download-midi").addEventListener("click", () => this.handlers.downloadMidi());
    element("download-wav").addEventListener("click", () => this.handlers.downloadWav());
    element("copy-link").addEventListener("click", () => this.handlers.copyLink());
  }

  toggleMute(channel: MixChannel): void {
    const mix = this.state.mix[channel];
    this.handlers.change({ mix: { ...this.state.mix, [channel]: { ...mix, muted: !mix.muted } } });
  }

  /** Shows `state` in every control (without reporting changes back). */
  render(state: PlayerState): void {
    this.state = state;
    for (const layer of LAYERS) element<HTMLSelectElement>(layer).value = state[layer];
    element("custom-quote").hidden = state.quote !== CUSTOM_QUOTE;
    element<HTMLInputElement>("quote-text").value = state.quoteText;
    for (const channel of MIX_CHANNELS) {
      element<HTMLInputElement>(`vol-${channel}`).value = String(Math.round(state.mix[channel].volume * 100));
      const mute = element(`mute-${channel}`);
      // The name stays "Mute drums"; whether it is on is the pressed state alone.
      mute.setAttribute("aria-pressed", String(state.mix[channel].muted));
    }
    element<HTMLInputElement>("tempo").value = String(state.bpm);
    element("tempo-value").textContent = String(state.bpm);
    element<HTMLInputElement>("temperature").value = String(state.temperature);
    element("temperature-value").textContent = state.temperature.toFixed(2);
    element<HTMLInputElement>("endless").checked = state.endless;
    element<HTMLInputElement>("seed").value = String(state.seed);
    const chords = element<HTMLInputElement>("chords");
    if (document.activeElement !== chords) chords.value = state.chords;
    const mood = element<HTMLInputElement>("mood");
    if (document.activeElement !== mood) mood.value = state.mood;
  }

  showPlaying(playing: boolean): void {
    // The label says what a press does; no pressed state besides it.
    element("play").textContent = playing ? "Pause" : "Play";
  }

  status(text: string, isError = false): void {
    const status = element("status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  /** Replaces the status with `text` if it shows an error: what failed works again. */
  clearError(text: string): void {
    if (element("status").classList.contains("error")) this.status(text);
  }

  /** Marks a text field whose value the server refused (until the listener edits it). */
  markRefused(field: "chords" | "mood", refused: boolean): void {
    const input = element<HTMLInputElement>(field);
    input.classList.toggle("invalid", refused);
    if (refused) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  note(id: "mood-result" | "phrase-info" | "quote-caption", text: string): void {
    element(id).textContent = text;
  }
}
