// The player: holds the state, loads what it names, and turns every change into
// a change of the one Transport at the next bar. Pressing play starts the
// Transport as soon as the first chosen layer is loaded; the others join at the
// next bar after they arrive.
import { type GenerateRequest, type MoodAnswer, phraseSeed } from "../api/ServerApi";
import { isRefusal } from "../api/RequestError";
import { ServerClient } from "../api/ServerClient";
import type { SongLibrary } from "../api/SongLibrary";
import type { PhraseSlot } from "../layers/AiSoloistLayer";
import type { Ensemble } from "../layers/Ensemble";
import { BarQuantizer, type Change } from "../transport/BarQuantizer";
import { barAtTime, beatsToTicks, currentBar } from "../transport/Bars";
import { LoopPlan } from "../transport/LoopPlan";
import { TransportClock } from "../transport/TransportClock";
import type { TransportLike } from "../transport/TransportLike";
import { AI_MELODY, clampBpm, CUSTOM_QUOTE, OFF, type PlayerState, songIdOf } from "../state/PlayerState";
import { type PlayerAudio, toneAudio } from "./PlayerAudio";
import type { Rig, RigHooks } from "./Rig";
import { ambienceNeed, type EnsembleNeeds, grooveNeed, phraseNeeds, type Selection, songNeeds, voiceNeed } from "./SelectionNeeds";
import type { SoundBank } from "./SoundBank";

export interface PlayerEvents extends RigHooks {
  /** A change of `key` requested while at bar `requestedAt` will be heard from bar `bar`. */
  onScheduled?: (key: string, requestedAt: number, bar: number) => void;
  onState?: (state: PlayerState) => void;
  onPlaying?: (playing: boolean) => void;
  onMood?: (mood: MoodAnswer | null) => void;
  onStatus?: (text: string) => void;
  /** A value the server refused was dropped and the music went on without it; `text` says which and why. */
  onFallback?: (field: "chords" | "mood", text: string) => void;
}

/** What the player loads sounds from (a SoundBank). */
export type PlayerBank = Pick<SoundBank, "groove" | "kitFor" | "ambience" | "voice" | "ensemble" | "crackle">;
/** What the player asks the server (a ServerClient). */
export type PlayerServer = Pick<ServerClient, "generate" | "mood">;

export interface LofiPlayerOptions {
  bank: PlayerBank;
  songs: Pick<SongLibrary, "load">;
  state: PlayerState;
  events: PlayerEvents;
  /** Loop lengths in bars. Default: `new LoopPlan()`, the player's arrangement. */
  plan?: LoopPlan;
  /** Phrases and moods. Default: a ServerClient for the page's own server. */
  server?: PlayerServer;
  /** The Transport, the audio context's start and the layers. Default: `toneAudio()`, Tone.js's context. */
  audio?: PlayerAudio;
}

export const TOP_P = 0.95;

type Aspect = "drums" | "ambience" | "quote" | "melody" | "mood";

export class LofiPlayer {
  readonly plan: LoopPlan;
  readonly transport: TransportLike;
  private stateValue: PlayerState;
  private readonly options: LofiPlayerOptions;
  private readonly server: PlayerServer;
  private readonly audio: PlayerAudio;
  private rig?: Rig;
  private quantizer?: BarQuantizer;
  private wantPlaying = false;
  private readonly tokens: Record<Aspect, number> = { drums: 0, ambience: 0, quote: 0, melody: 0, mood: 0 };
  private mood: MoodAnswer | null = null;
  /** Resolves when the Transport first starts: layers not needed for the first sound wait for it. */
  private firstSound: Promise<void> = Promise.resolve();
  private markFirstSound: () => void = () => {};
  private transportStarting = false;
  /** The AI phrase playing now (or last played), with the request that made it. */
  currentPhrase?: PhraseSlot;

  constructor(options: LofiPlayerOptions) {
    this.options = options;
    this.plan = options.plan ?? new LoopPlan();
    this.server = options.server ?? new ServerClient();
    this.audio = options.audio ?? toneAudio();
    this.transport = this.audio.transport;
    this.stateValue = options.state;
  }

  get state(): PlayerState {
    return this.stateValue;
  }

  get playing(): boolean {
    return this.wantPlaying;
  }

  /** What is chosen now, with what the server made of it: what a rendered mix plays. */
  get selection(): Selection {
    return { state: this.stateValue, phrase: this.currentPhrase, mood: this.mood };
  }

  get mixer() {
    return this.rig?.mixer;
  }

  /** Starts, or resumes where it paused. Must be called from a user gesture the first time. */
  async play(): Promise<void> {
    performance.mark("lofi:play");
    await this.audio.start();
    performance.mark("lofi:context-started");
    this.wantPlaying = true;
    this.options.events.onPlaying?.(true);
    if (!this.rig) {
      this.firstSound = new Promise((resolve) => (this.markFirstSound = resolve));
      // The drums start the Transport; the ambience only when there are no drums
      // (it is not tied to the bar and joins at once when it arrives later).
      const { drums, ambience } = this.stateValue;
      const starter = drums !== OFF ? "drums" : ambience !== OFF ? "ambience" : undefined;
      if (starter) this.starters.add(starter);
      else this.markFirstSound();
      this.rig = this.buildRig();
      this.quantizer = new BarQuantizer(new TransportClock(this.transport));
      this.transport.bpm.value = this.stateValue.bpm;
      this.applyAll(null, this.stateValue);
      // With neither drums nor ambience there is nothing to wait for: melody and quote join at their bars.
      if (!starter) this.startTransportIfReady();
      return;
    }
    this.startTransportIfReady();
  }

  pause(): void {
    this.wantPlaying = false;
    this.transportStarting = false;
    this.options.events.onPlaying?.(false);
    if (this.transport.state === "started") {
      this.transport.pause();
      this.rig?.releaseNotes();
    }
  }

  /** Changes the state; each change is heard at the next bar while playing. */
  update(patch: Partial<PlayerState>): void {
    const previous = this.stateValue;
    const next: PlayerState = { ...previous, ...patch, mix: { ...previous.mix, ...(patch.mix ?? {}) } };
    next.bpm = clampBpm(next.bpm);
    this.stateValue = next;
    this.options.events.onState?.(next);
    if (this.rig) this.applyAll(previous, next);
  }

  /** The request for phrase `index` of the AI soloist with the current settings. */
  phraseRequest(index: number): GenerateRequest {
    const state = this.stateValue;
    return {
      bars: this.plan.options.melodyBars,
      temperature: state.temperature,
      topP: TOP_P,
      seed: phraseSeed(state.seed, index),
      ...(state.chords ? { chords: state.chords } : {}),
      ...(state.mood ? { mood: state.mood } : {}),
      bpm: state.bpm,
    };
  }

  private buildRig(): Rig {
    const events = this.options.events;
    return this.audio.rig({
      plan: this.plan,
      seed: this.stateValue.seed,
      endless: this.stateValue.endless,
      analyse: true,
      requestFor: (index) => this.phraseRequest(index),
      generate: (request) => this.server.generate(request),
      hooks: {
        ...events,
        onPhrase: (slot, startBar) => {
          this.currentPhrase = slot;
          this.layerReady();
          events.onPhrase?.(slot, startBar);
        },
      },
    });
  }

  private applyAll(previous: PlayerState | null, next: PlayerState): void {
    const rig = this.rig!;
    const changed = (key: keyof PlayerState) => previous === null || previous[key] !== next[key];
    rig.mixer.setAll(next.mix);
    if (changed("bpm")) this.applyTempo(next.bpm);
    if (changed("endless")) rig.ai.endless = next.endless;
    if (changed("drums")) this.run("drums", (isCurrent) => this.applyDrums(isCurrent));
    if (changed("ambience")) this.run("ambience", (isCurrent) => this.applyAmbience(isCurrent, previous === null));
    if (changed("quote") || (next.quote === CUSTOM_QUOTE && changed("quoteText"))) {
      // The quote chosen before pressing play waits for its bar; one chosen while playing is spoken at the next bar.
      const speakNow = previous !== null;
      this.run("quote", (isCurrent) => this.applyQuote(isCurrent, speakNow));
    }
    // A mood sentence goes to the server first; the AI soloist's next phrase waits for its answer.
    const moodNeedsServer = changed("mood") && next.mood.trim() !== "";
    if (changed("mood") && !moodNeedsServer && this.mood) {
      this.mood = null;
      this.options.events.onMood?.(null);
    }
    if (moodNeedsServer) this.run("mood", (isCurrent) => this.applyMood(isCurrent));
    const aiSettingsChanged = changed("chords") || changed("temperature") || changed("seed") || changed("mood");
    const melodyChanged = changed("melody") || (next.melody === AI_MELODY && aiSettingsChanged);
    const moodWillRestartMelody = moodNeedsServer && next.melody === AI_MELODY;
    if (melodyChanged && !moodWillRestartMelody) this.run("melody", (isCurrent) => this.applyMelody(isCurrent));
  }

  /** Runs a layer's change; an older change of the same layer still loading is dropped. */
  private run(aspect: Aspect, apply: (isCurrent: () => boolean) => Promise<void>): void {
    const token = ++this.tokens[aspect];
    const isCurrent = () => token === this.tokens[aspect];
    apply(isCurrent).catch((error: Error) => {
      if (!isCurrent()) return;
      this.options.events.onError?.(error);
      this.layerReady();
    });
  }

  private applyTempo(bpm: number): void {
    this.schedule("tempo", (time) => {
      if (time === undefined) this.transport.bpm.value = bpm;
      else this.transport.bpm.setValueAtTime(bpm, time);
    });
  }

  private async applyDrums(isCurrent = () => true): Promise<void> {
    const grooveName = grooveNeed(this.stateValue);
    const groove = grooveName === null ? null : this.options.bank.groove(grooveName);
    if (groove) {
      const kit = await this.options.bank.kitFor(groove);
      performance.mark("lofi:drums-loaded");
      if (!isCurrent()) return;
      this.rig!.drums.addSounds(kit);
    }
    this.schedule("drums", (_, bar) => this.rig!.drums.play(groove, bar));
    this.layerReady("drums");
  }

  private async applyAmbience(isCurrent: () => boolean, joining: boolean): Promise<void> {
    const ambience = ambienceNeed(this.stateValue);
    const buffer = ambience === null ? null : await this.options.bank.ambience(ambience);
    if (!isCurrent()) return;
    if (joining && (this.transport.state === "started" || this.transportStarting)) {
      // Loaded after the music began: rain needs no bar line, it fades in now.
      const now = this.transport.context.currentTime + 0.05;
      this.rig!.ambience.play(buffer, barAtTime(this.transport, now), now);
    } else {
      this.schedule("ambience", (time, bar) => this.rig!.ambience.play(buffer, bar, time));
    }
    this.layerReady("ambience");
  }

  private async applyQuote(isCurrent: () => boolean, speakNow: boolean): Promise<void> {
    const need = voiceNeed(this.stateValue);
    await this.firstSound;
    const buffer = await this.options.bank.voice(need);
    if (buffer) this.rig!.quote.setCrackle(await this.options.bank.crackle());
    if (!isCurrent()) return;
    this.schedule("quote", (time, bar) => this.rig!.quote.play(buffer, bar, time, speakNow));
  }

  private async applyMood(isCurrent = () => true): Promise<void> {
    const text = this.stateValue.mood.trim();
    try {
      this.mood = await this.server.mood(text);
    } catch (error) {
      if (!isRefusal(error) || !isCurrent()) throw error;
      // Refused: the link keeps only what plays, and the melody goes on as before.
      this.options.events.onFallback?.("mood", `The mood “${text}” was not accepted (${error.reason}); playing without it.`);
      this.update({ mood: "" });
      return;
    }
    if (!isCurrent()) return;
    this.options.events.onMood?.(this.mood);
    // The mood's tempo becomes the player's (shown, and kept in the URL).
    if (this.mood && clampBpm(this.mood.bpm) !== this.stateValue.bpm) this.update({ bpm: clampBpm(this.mood.bpm) });
    if (this.stateValue.melody === AI_MELODY) this.run("melody", (isCurrent) => this.applyMelody(isCurrent));
  }

  private async applyMelody(isCurrent = () => true): Promise<void> {
    if (this.stateValue.melody === AI_MELODY) return this.applyAiMelody(isCurrent);
    const rig = this.rig!;
    const songId = songIdOf(this.stateValue.melody);
    const song = songId === undefined ? null : await this.options.songs.load(songId);
    let ensemble: Ensemble | null = null;
    if (song) {
      await this.firstSound;
      ensemble = (await this.loadEnsemble(songNeeds(song), isCurrent)) ?? null;
      if (!ensemble) return;
    }
    this.schedule("melody", (time, bar) => {
      rig.ai.stopAt(bar);
      rig.releaseNotes(time);
      rig.song.play(song, ensemble, bar);
    });
    if (song) this.layerReady();
  }

  /** The AI soloist: its layer asks for phrase 0 at once; the samples its notes reach load, then it plays. */
  private async applyAiMelody(isCurrent: () => boolean): Promise<void> {
    const rig = this.rig!;
    let first: PhraseSlot;
    try {
      first = await rig.ai.fetch(0);
    } catch (error) {
      const chords = this.stateValue.chords;
      if (!isRefusal(error) || !chords || !isCurrent()) throw error;
      // Chords the server cannot read: fall back to the model's own, say so, and drop them from the link.
      this.options.events.onFallback?.("chords", `The chords “${chords}” were not accepted (${error.reason}); the soloist plays its own chords.`);
      this.update({ chords: "" });
      return;
    }
    await this.firstSound;
    if (!isCurrent()) return;
    const ensemble = await this.loadEnsemble(phraseNeeds(first, this.mood), isCurrent);
    if (!ensemble) return;
    this.schedule("melody", (time, bar) => {
      rig.song.play(null, null, bar);
      rig.releaseNotes(time);
      rig.ai.start(bar, first, ensemble);
    });
    if (this.transport.state !== "started") this.layerReady();
  }

  /** The ensemble for `needs`, ready to play; undefined when a newer change came meanwhile. */
  private async loadEnsemble(needs: EnsembleNeeds, isCurrent: () => boolean): Promise<Ensemble | undefined> {
    const samples = await this.options.bank.ensemble(needs);
    if (!isCurrent()) return undefined;
    const ensemble = this.rig!.ensemble(samples);
    await ensemble.ready;
    return isCurrent() ? ensemble : undefined;
  }

  /** A change at the next bar, reported to whoever listens (the page's status, the tests). */
  private schedule(key: string, change: Change): void {
    const requestedAt = currentBar(this.transport);
    const bar = this.quantizer!.request(key, change);
    this.options.events.onScheduled?.(key, requestedAt, bar);
  }

  /** Drums and ambience chosen when play was first pressed, not loaded yet. */
  private readonly starters = new Set<"drums" | "ambience">();
  private graceTimer?: ReturnType<typeof setTimeout>;

  /**
   * Called when a layer has what it needs. The Transport starts when the drums
   * and the ambience are both ready, or a quarter of a second after the first of
   * them: drums that arrive just after the start would otherwise wait a bar.
   */
  private layerReady(layer?: "drums" | "ambience"): void {
    if (layer) this.starters.delete(layer);
    if (this.starters.size === 0 || this.transport.state === "started") {
      clearTimeout(this.graceTimer);
      this.startTransportIfReady();
    } else if (this.graceTimer === undefined) {
      this.graceTimer = setTimeout(() => this.startTransportIfReady(), 250);
    }
  }

  private startTransportIfReady(): void {
    if (this.wantPlaying && this.transport.state !== "started" && !this.transportStarting) {
      performance.mark("lofi:transport-start");
      this.transportStarting = true;
      this.transport.start("+0.01");
      // The Transport reports "started" only from its start time on.
      this.transport.scheduleOnce(() => (this.transportStarting = false), `${this.transport.ticks}i`);
      // Layers that wait (quote, melody samples) start loading once the first beat is scheduled,
      // so their decoding does not delay it.
      this.transport.scheduleOnce(() => this.markFirstSound(), `${this.transport.ticks + beatsToTicks(1, this.transport.PPQ)}i`);
    }
  }

  dispose(): void {
    this.quantizer?.cancelAll();
    this.rig?.dispose();
    this.transport.stop();
  }
}
