// The player on a FakeTransport moved by hand, with a stand-in server and bank,
// and the real AI soloist layer (only its sounding is faked): what is asked
// for, and from which bar each phrase plays, without audio or waiting.
import type * as Tone from "tone";
import { describe, expect, it } from "vitest";
import { FakeServer } from "../api/FakeServer";
import type { Groove } from "../api/Manifest";
import type { Song } from "../api/Song";
import { phraseSeed } from "../api/ServerApi";
import { FakePerformer } from "../layers/FakePerformer";
import type { Ensemble, EnsembleSamples } from "../layers/Ensemble";
import { AI_MELODY, defaultState, OFF, type PlayerState } from "../state/PlayerState";
import { ticksPerBar } from "../transport/Bars";
import { FakeTransport } from "../transport/FakeTransport";
import { LofiPlayer, type PlayerBank } from "./LofiPlayer";
import type { PlayerAudio } from "./PlayerAudio";
import { aiSoloistFor, type Rig, type RigSettings } from "./Rig";
import type { EnsembleNeeds } from "./SelectionNeeds";

const sound = {} as Tone.ToneAudioBuffer;

/** The layers of a Rig reduced to a log of what they were told; the AI soloist is the real one. */
class FakeRig {
  readonly log: string[] = [];
  readonly performer = new FakePerformer();
  readonly ai;
  readonly mixer = { setAll: () => {}, level: () => 0 };
  readonly drums = { addSounds: () => {}, play: (groove: Groove | null, bar: number) => this.log.push(`drums ${groove?.name ?? "off"} from ${bar}`) };
  readonly ambience = { play: (_: unknown, bar: number) => this.log.push(`ambience from ${bar}`) };
  readonly quote = { setCrackle: () => {}, play: () => {} };
  readonly song = { play: (song: unknown, _: unknown, bar: number) => this.log.push(`song ${song ? "on" : "off"} from ${bar}`) };

  constructor(settings: RigSettings, transport: FakeTransport) {
    this.ai = aiSoloistFor(settings, transport, this.performer);
  }

  ensemble(): Ensemble {
    return { ready: Promise.resolve() } as Ensemble;
  }

  releaseNotes(): void {}
  dispose(): void {}
}

/** A one-note song, enough to be scheduled. */
const SONG = (() => {
  const track = (instrument: string) => ({ instrument, notes: [{ time: "0:0:0", duration: "0:1:0", pitches: ["C4"], velocity: 0.5 }] });
  return { id: "tune", title: "Tune", composer: "", bpm: 80, bars: 4, key: "C", melody: track("piano"), chords: track("piano"), bass: track("bass") } as Song;
})();

function setUp(patch: Partial<PlayerState>) {
  const transport = new FakeTransport();
  const server = new FakeServer();
  let rig: FakeRig | undefined;
  const audio: PlayerAudio = {
    transport,
    start: async () => {},
    rig: (settings) => (rig = new FakeRig(settings, transport)) as unknown as Rig,
  };
  const needs: EnsembleNeeds[] = [];
  const bank: PlayerBank = {
    groove: (name) => ({ name, steps: [] }) as unknown as Groove,
    kitFor: async () => new Map(),
    ambience: async () => sound,
    voice: async (need) => (need ? sound : null),
    crackle: async () => sound,
    ensemble: async (asked) => {
      needs.push(asked);
      return {} as EnsembleSamples;
    },
  };
  const events = {
    scheduled: [] as Array<[key: string, requestedAt: number, bar: number]>,
    requested: [] as Array<[index: number, bar: number]>,
    phrases: [] as Array<[index: number, startBar: number]>,
    errors: [] as string[],
    fallbacks: [] as string[],
  };
  const state: PlayerState = { ...defaultState(42), drums: OFF, ambience: OFF, quote: OFF, melody: AI_MELODY, endless: true, ...patch };
  const player = new LofiPlayer({
    bank,
    songs: { load: async (id) => (id === SONG.id ? SONG : Promise.reject(new Error(`no song '${id}'`))) },
    state,
    server,
    audio,
    events: {
      onScheduled: (key, requestedAt, bar) => events.scheduled.push([key, requestedAt, bar]),
      onPhraseRequested: (index, bar) => events.requested.push([index, bar]),
      onPhrase: (slot, startBar) => events.phrases.push([slot.index, startBar]),
      onError: (error) => events.errors.push(error.message),
      onFallback: (field, text) => events.fallbacks.push(`${field}: ${text}`),
    },
  });
  return { transport, server, player, needs, events, rig: () => rig! };
}

/** Lets answered promises run their callbacks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A player set up with `patch`, play pressed and everything it asked for answered. */
async function playing(patch: Partial<PlayerState>) {
  const setup = setUp(patch);
  await setup.player.play();
  await settle();
  return setup;
}

describe("LofiPlayer with the AI soloist", () => {
  it("asks for phrase 0 when play is pressed and plays it from the next bar line", async () => {
    const { transport, server, player, events, rig } = await playing({});
    expect(transport.state).toBe("started");
    expect(server.requests.map((request) => request.seed)).toEqual([42]);
    expect(events.requested).toEqual([[0, 0]]);
    transport.advanceToBar(1);
    expect(rig().performer.played).toEqual([{ index: 0, seed: 42, startBar: 1, endBar: 31 }]);
    expect(events.phrases).toEqual([[0, 1]]);
    expect(player.currentPhrase?.request.seed).toBe(42);
    expect(events.errors).toEqual([]);
  });

  it("loads the bass samples of the notes the AI bass plays", async () => {
    const { needs } = await playing({});
    // The fake phrases comp E minor (E4 G4 B4): the bass plays E1, MIDI 28.
    expect(needs[0]!.bass).toEqual({ instrument: "bass", pitches: [28, 28, 28] });
  });

  it("asks for phrase 1 four bars before phrase 0 ends and plays it 30 bars after phrase 0", async () => {
    const { transport, server, player, events, rig } = await playing({});
    transport.advanceToBar(27);
    await settle();
    expect(events.requested).toEqual([[0, 0], [1, 27]]);
    expect(server.requests[1]!.seed).toBe(phraseSeed(42, 1));
    transport.advanceToBar(31);
    expect(rig().performer.played.map((slot) => [slot.index, slot.startBar])).toEqual([[0, 1], [1, 31]]);
    expect(player.currentPhrase?.request.seed).toBe(phraseSeed(42, 1));
  });

  it("plays phrase 0 once more when phrase 1 is late", async () => {
    const { transport, server, rig } = await playing({});
    server.holding = true;
    transport.advanceToBar(31);
    await settle();
    expect(rig().performer.played.map((slot) => [slot.index, slot.startBar])).toEqual([[0, 1], [0, 31]]);
  });

  it("starts a new phrase for new chords on the bar the change was scheduled for", async () => {
    const { transport, server, player, events, rig } = await playing({});
    transport.advanceTo(ticksPerBar(transport.PPQ) * 5.5);
    player.update({ chords: "Dm9 G13 Cmaj9" });
    await settle();
    expect(server.requests.at(-1)).toMatchObject({ seed: 42, chords: "Dm9 G13 Cmaj9" });
    expect(events.scheduled.at(-1)).toEqual(["melody", 5, 6]);
    transport.advanceToBar(6);
    expect(rig().performer.played.at(-1)).toMatchObject({ index: 0, startBar: 6 });
    expect(rig().performer.stops.at(-1)).toBe(6);
    expect(rig().log.at(-1)).toBe("song off from 6");
  });

  it("hands over to a song on the next bar line: the AI falls silent where the song begins", async () => {
    const { transport, player, events, rig, needs } = await playing({});
    transport.advanceTo(ticksPerBar(transport.PPQ) * 8.25);
    player.update({ melody: "song:tune" });
    await settle();
    expect(events.scheduled.at(-1)).toEqual(["melody", 8, 9]);
    expect(needs.at(-1)!.lead).toEqual({ instrument: "piano", pitches: [60] });
    transport.advanceToBar(9);
    expect(rig().performer.stops.at(-1)).toBe(9);
    expect(rig().log.at(-1)).toBe("song on from 9");
    transport.advanceToBar(40);
    expect(rig().performer.played).toHaveLength(1);
  });

  it("plays the lead on the instrument the mood names", async () => {
    const { server, player, needs } = setUp({ mood: "rainy sunday" });
    server.moodAnswer = { ...server.moodAnswer, instrument: "jazz-guitar", bpm: 72 };
    await player.play();
    await settle();
    expect(server.moodTexts).toEqual(["rainy sunday"]);
    expect(server.requests.at(-1)).toMatchObject({ mood: "rainy sunday" });
    expect(needs.at(-1)!.lead.instrument).toBe("jazz-guitar");
    expect(player.state.bpm).toBe(72);
    expect(player.selection.mood?.instrument).toBe("jazz-guitar");
  });

  it("asks for no next phrase when not endless", async () => {
    const { transport, server, rig } = await playing({ endless: false });
    transport.advanceToBar(62);
    await settle();
    expect(server.requests).toHaveLength(1);
    expect(rig().performer.played.map((slot) => slot.startBar)).toEqual([1, 31, 61]);
  });
});

describe("LofiPlayer transport", () => {
  it("starts the Transport once the drums are loaded, and holds its position while paused", async () => {
    const { transport, player, rig } = await playing({ drums: "boom-bap", melody: OFF });
    expect(transport.state).toBe("started");
    expect(rig().log).toContain("drums boom-bap from 0");
    transport.advanceTo(ticksPerBar(transport.PPQ) * 2.25);
    player.pause();
    expect(transport.state).toBe("paused");
    const paused = transport.ticks;
    transport.advanceToBar(5);
    expect(transport.ticks).toBe(paused);
    await player.play();
    expect(transport.state).toBe("started");
    expect(transport.ticks).toBe(paused);
  });

  it("changes the tempo on the next bar line", async () => {
    const { transport, player, events } = await playing({ drums: "boom-bap", melody: OFF, bpm: 80 });
    transport.advanceTo(ticksPerBar(transport.PPQ) * 3.5);
    player.update({ bpm: 96 });
    expect(events.scheduled.at(-1)).toEqual(["tempo", 3, 4]);
    transport.advanceTo(ticksPerBar(transport.PPQ) * 4 - 100);
    expect(transport.bpm.value).toBe(80);
    transport.advanceToBar(4);
    expect(transport.bpm.value).toBe(96);
  });
});

describe("LofiPlayer with values the server refuses", () => {
  it("falls back from unreadable chords, says so and keeps them out of the state", async () => {
    const { transport, server, player, events, rig } = await playing({ chords: "Dm9 Xq9" });
    await settle();
    expect(events.fallbacks).toHaveLength(1);
    expect(events.fallbacks[0]).toMatch(/^chords: The chords “Dm9 Xq9” were not accepted \(cannot read the chord 'Xq9'\)/);
    expect(player.state.chords).toBe("");
    expect(server.requests.map((request) => request.chords)).toEqual(["Dm9 Xq9", undefined]);
    transport.advanceToBar(1);
    expect(rig().performer.played.map((slot) => slot.index)).toEqual([0]);
    expect(events.errors).toEqual([]);
  });

  it("falls back from a refused mood and plays on without it", async () => {
    const setup = setUp({ mood: "zzz" });
    setup.server.refuseMoods = true;
    await setup.player.play();
    await settle();
    await settle();
    expect(setup.events.fallbacks).toEqual(["mood: The mood “zzz” was not accepted (the text has no words); playing without it."]);
    expect(setup.player.state.mood).toBe("");
    expect(setup.server.requests.at(-1)?.mood).toBeUndefined();
    setup.transport.advanceToBar(2);
    expect(setup.rig().performer.played.length).toBeGreaterThan(0);
    expect(setup.events.errors).toEqual([]);
  });
});
