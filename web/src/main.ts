// The page: reads the state from the URL, the sounds from the manifest, and
// wires the player, the controls, the keys and the scene together.
import "./style.css";
import * as Tone from "tone";
import type { PhraseNote } from "./api/ServerApi";
import { ServerClient } from "./api/ServerClient";
import { SongLibrary } from "./api/SongLibrary";
import { renderMix } from "./download/MixRenderer";
import { AssetLoader } from "./layers/AssetLoader";
import { LofiPlayer } from "./player/LofiPlayer";
import { SoundBank } from "./player/SoundBank";
import { AI_MELODY, clampBpm, CUSTOM_QUOTE, type PlayerState, reconcile } from "./state/PlayerState";
import { queryToState, randomSeed, stateToQuery } from "./state/UrlState";
import { Controls } from "./ui/Controls";
import { shortcutFor } from "./ui/KeyboardShortcuts";
import { Drawer } from "./ui/Drawer";
import { EarlyPress } from "./ui/EarlyPress";
import { IdleFade } from "./ui/IdleFade";
import { LoadingIndicator } from "./ui/LoadingIndicator";
import { moodLine } from "./ui/MoodLine";
import type { PhraseSlot } from "./layers/AiSoloistLayer";
import { barAtTime, currentBar } from "./transport/Bars";
import { noteNameToMidi } from "./transport/NoteName";
import { Stage } from "./visuals/Stage";

/** What the page exposes for its end-to-end tests and for curious listeners. */
interface PageProbe {
  ready: boolean;
  error?: string;
  state(): PlayerState;
  level(): number;
  bar(): number;
  /** The Transport's position in ticks: it moves only while playing. */
  ticks(): number;
  bpm(): number;
  scene(): string;
  /** Frames per second the scene was drawn at over the last second, its detail (0.25-1), frames drawn in all. */
  frames(): { fps: number; detail: number; count: number };
  /** Shows the scene at an hour of the day instead of the clock's (undefined: the clock again). */
  setHour(hour?: number): void;
  phrases: Array<{ index: number; startBar: number; notes: Array<{ time: string; pitch: number }> }>;
  playedAiNotes: Array<{ index: number; time: string; pitch: number }>;
  drumHits: number;
  scheduled: Array<{ key: string; requestedAt: number; bar: number }>;
  phraseRequests: Array<{ index: number; bar: number; seed: number }>;
  notesPlayed: number;
  quotesSpoken: number;
  /** The bar (from zero) at which each quote was spoken. */
  quoteBars: number[];
  quotesWithCrackle: number;
  playPressedAt?: number;
  firstSoundAt?: number;
  renderWav(bars: number): Promise<{ seconds: number; renderMs: number; bytes: number }>;
}

declare global {
  interface Window {
    lofi: PageProbe;
  }
}

function writeUrlNow(state: PlayerState): void {
  history.replaceState(null, "", `${location.pathname}?${stateToQuery(state)}`);
}

/** A dragged fader changes the state many times a second; the address follows once it rests. */
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function writeUrl(state: PlayerState): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => writeUrlNow(state), 150);
}

function saveFile(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function main(): Promise<void> {
  const parsed = queryToState(location.search);
  const stage = new Stage(document.getElementById("scene") as HTMLCanvasElement);
  stage.showAmbience(parsed.state.ambience);
  stage.start();
  const drawer = new Drawer(document.getElementById("drawer")!, document.getElementById("open-drawer") as HTMLButtonElement, document.getElementById("close-drawer") as HTMLButtonElement);
  let playing = false;
  new IdleFade(document.body, () => ({ playing, drawerOpen: drawer.open }));

  const probe: PageProbe = {
    ready: false,
    state: () => parsed.state,
    level: () => 0,
    bar: () => 0,
    ticks: () => 0,
    bpm: () => 0,
    scene: () => stage.sceneName,
    frames: () => ({ fps: stage.meter.rate, detail: stage.meter.detail, count: stage.meter.frames }),
    setHour: (hour) => {
      stage.hour = hour;
    },
    phrases: [],
    playedAiNotes: [],
    drumHits: 0,
    scheduled: [],
    phraseRequests: [],
    notesPlayed: 0,
    quotesSpoken: 0,
    quoteBars: [],
    quotesWithCrackle: 0,
    renderWav: () => Promise.reject(new Error("not ready")),
  };
  window.lofi = probe;

  const client = new ServerClient();
  const loading = new LoadingIndicator(document.getElementById("loading")!);
  const loader = new AssetLoader((inFlight, bytes) => loading.update(inFlight, bytes));
  const songs = new SongLibrary();
  const statusElement = document.getElementById("status")!;
  statusElement.textContent = "Fetching the list of sounds…";
  const earlyPress = new EarlyPress(document.getElementById("play")!, (wanted) => {
    // Unlocks audio inside the listener's gesture; the music starts once the list is in.
    if (wanted) void Tone.start();
    statusElement.textContent = wanted ? "Fetching the list of sounds… play starts as soon as it is in." : "Fetching the list of sounds…";
  });
  const manifest = await client.manifest();
  const probeAudio = document.createElement("audio");
  const bank = new SoundBank({
    manifest,
    loader,
    canPlay: (mime) => probeAudio.canPlayType(mime) !== "",
    speak: (text) => client.speak(text),
  });
  const { state, notes } = reconcile(parsed.state, {
    grooves: manifest.grooves.map((groove) => groove.name),
    ambiences: bank.sceneAmbiences(),
    quotes: manifest.quotes.map((quote) => quote.name),
    songs: songs.list().map((song) => song.id),
  });
  writeUrlNow(state);

  let controls: Controls;
  const draw = Tone.getDraw();
  const player = new LofiPlayer({
    bank,
    songs,
    server: client,
    state,
    events: {
      onState: (next) => {
        writeUrl(next);
        controls.render(next);
        stage.showAmbience(next.ambience);
      },
      onPlaying: (nowPlaying) => {
        playing = nowPlaying;
        controls.showPlaying(nowPlaying);
      },
      onScheduled: (key, requestedAt, bar) => probe.scheduled.push({ key, requestedAt, bar }),
      onPhraseRequested: (index, bar, request) => probe.phraseRequests.push({ index, bar, seed: request.seed }),
      onError: (error) => controls.status(error.message, true),
      onFallback: (field, text) => {
        controls.status(text);
        controls.markRefused(field, true);
      },
      onHit: (drum, velocity, time) => {
        probe.drumHits++;
        draw.schedule(() => stage.visualizer.hit(drum, velocity, performance.now() / 1000), time);
      },
      onNote: (track, pitches, velocity, time, seconds) => {
        probe.notesPlayed++;
        draw.schedule(() => {
          for (const pitch of pitches) stage.visualizer.note(noteNameToMidi(pitch), velocity, seconds, track, performance.now() / 1000);
        }, time);
      },
      onAiNote: (note: PhraseNote, index: number) => probe.playedAiNotes.push({ index, time: note.time, pitch: note.pitch }),
      onPhrase: ({ phrase, index }: PhraseSlot, startBar: number) => {
        probe.phrases.push({ index, startBar, notes: phrase.notes.map((note) => ({ time: note.time, pitch: note.pitch })) });
        const chords = [...new Set(phrase.chords.map((chord) => chord.symbol))].slice(0, 8).join(" ");
        controls.clearError("Playing.");
        controls.note("phrase-info", `Phrase ${index + 1} from bar ${startBar + 1}: ${phrase.notes.length} notes${phrase.key ? ` in ${phrase.key}` : ""}${chords ? ` over ${chords}` : ""}.`);
      },
      // Called before the mood's tempo is applied: the state still holds the tempo it replaces.
      onMood: (mood) => {
        const line = mood ? moodLine(mood, player.state.bpm) : "";
        controls.note("mood-result", line);
        if (line) controls.status(line);
      },
      onSpeak: (time, withCrackle) => {
        probe.quotesSpoken++;
        if (withCrackle) probe.quotesWithCrackle++;
        probe.quoteBars.push(barAtTime(player.transport, time, "nearest"));
        const current = player.state;
        const quote = manifest.quotes.find((entry) => entry.name === current.quote);
        const text = current.quote === CUSTOM_QUOTE ? current.quoteText : quote ? `“${quote.text}” ${quote.author ? `— ${quote.author}` : ""}` : "";
        draw.schedule(() => controls.note("quote-caption", text), time);
      },
    },
  });
  probe.state = () => player.state;
  probe.level = () => player.mixer?.level() ?? 0;
  probe.bar = () => currentBar(player.transport);
  probe.ticks = () => player.transport.ticks;
  probe.bpm = () => player.transport.bpm.value;

  /** A new AI track: a fresh seed, heard from the next bar. */
  const newTrack = () => player.update({ seed: randomSeed(), melody: AI_MELODY });
  const togglePlay = () => {
    if (player.playing) {
      player.pause();
      controls.status("Paused. Space or play resumes where it stopped.");
      return;
    }
    probe.playPressedAt ??= performance.now();
    void player.play().then(() => controls.status("Playing."), (error: Error) => controls.status(error.message, true));
    watchForFirstSound();
  };
  const watchForFirstSound = () => {
    if (probe.firstSoundAt !== undefined) return;
    const timer = setInterval(() => {
      if (probe.level() > 1e-4) {
        probe.firstSoundAt = performance.now();
        clearInterval(timer);
      }
    }, 5);
  };

  controls = new Controls(manifest, bank.sceneAmbiences(), songs.list(), state, {
    change: (patch) => player.update(patch),
    togglePlay,
    newTrack,
    downloadMidi: () => {
      const current = player.currentPhrase;
      if (!current) return controls.status("Play the AI soloist first: the MIDI is the track it is playing.", true);
      const link = document.createElement("a");
      link.href = client.midiUrl(current.request);
      link.download = `lofi-station-${current.request.seed}.mid`;
      link.click();
    },
    downloadWav: async () => {
      controls.status("Rendering the mix…");
      try {
        const mix = await renderWav(player.plan.options.melodyBars);
        saveFile(new Blob([mix.wav], { type: "audio/wav" }), `lofi-station-${player.state.seed}.wav`);
        controls.status(`Rendered ${mix.seconds.toFixed(0)} s of audio in ${(mix.renderMs / 1000).toFixed(1)} s.`);
      } catch (error) {
        controls.status(`Mix: ${(error as Error).message}`, true);
      }
    },
    copyLink: () => {
      navigator.clipboard?.writeText(location.href).then(
        () => controls.status("Link copied: it plays the same music."),
        () => controls.status(location.href),
      );
    },
  });
  const renderWav = (bars: number) =>
    renderMix({ selection: player.selection, bank, songs, plan: player.plan, bars });
  probe.renderWav = async (bars) => {
    const mix = await renderWav(bars);
    return { seconds: mix.seconds, renderMs: mix.renderMs, bytes: mix.wav.byteLength };
  };

  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    const action = shortcutFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      targetTag: target.tagName,
      targetType: (target as HTMLInputElement).type,
    });
    if (!action) return;
    event.preventDefault();
    const current = player.state;
    switch (action.kind) {
      case "togglePlay": return togglePlay();
      case "toggleMute": return controls.toggleMute(action.channel);
      case "tempo": return player.update({ bpm: clampBpm(current.bpm + action.change) });
      case "masterVolume": {
        const volume = Math.min(1, Math.max(0, current.mix.master.volume + action.change));
        return player.update({ mix: { ...current.mix, master: { ...current.mix.master, volume } } });
      }
      case "newTrack": return newTrack();
    }
  });

  const problems = [...parsed.notes, ...notes];
  controls.status(problems.length ? `From the link: ${problems.join("; ")}.` : "Press play (or the space bar).");
  if (earlyPress.release()) togglePlay();
  probe.ready = true;
}

main().catch((error: Error) => {
  window.lofi = { ...(window.lofi ?? {}), error: error.message } as PageProbe;
  const status = document.getElementById("status");
  if (status) {
    status.textContent = `The player cannot start: ${error.message}`;
    status.classList.add("error");
  }
});
