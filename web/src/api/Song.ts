// The three public-domain songs in data/songs/*.json (issue 3): melody, chords
// and bass with times in Transport form, pitches as note names, velocities 0-1.
import { JsonReader } from "./JsonReader";
import { parseTransportTime, QUARTERS_PER_BAR } from "../transport/TransportTime";
import { noteNameToMidi } from "../transport/NoteName";

export interface SongNote {
  time: string;
  duration: string;
  /** Note names as Tone.js plays them; a chord has several. */
  pitches: string[];
  velocity: number;
  symbol?: string;
}

export interface SongTrack {
  instrument: string;
  notes: SongNote[];
}

export interface Song {
  id: string;
  title: string;
  composer: string;
  bpm: number;
  bars: number;
  key: string;
  melody: SongTrack;
  chords: SongTrack;
  bass: SongTrack;
}

/** A Transport time, checked and kept as written (Tone.js reads it as it is). */
function readTime(reader: JsonReader): string {
  return reader.parsedString((text) => (parseTransportTime(text), text));
}

/** A note name, checked and kept as written. */
function readPitchName(reader: JsonReader): string {
  return reader.parsedString((name) => (noteNameToMidi(name), name));
}

function readEvent(event: JsonReader, songBars: number): SongNote {
  const time = readTime(event.field("time"));
  const duration = readTime(event.field("duration"));
  if (parseTransportTime(time) >= songBars * QUARTERS_PER_BAR) event.field("time").fail(`'${time}' is after the song's ${songBars} bars`);
  const pitches = event.has("pitches") ? event.field("pitches").array(16).map(readPitchName) : [readPitchName(event.field("pitch"))];
  const symbol = event.optionalField("symbol")?.string();
  return { time, duration, pitches, velocity: event.field("velocity").number({ min: 0, max: 1 }), ...(symbol ? { symbol } : {}) };
}

function readTrack(tracks: JsonReader, name: string, songBars: number): SongTrack {
  const track = tracks.field(name);
  const events = track.fieldOf("notes", "chords");
  return { instrument: track.field("instrument").string(), notes: events.array(10_000).map((event) => readEvent(event, songBars)) };
}

/** Reads one song file; `path` names it in errors. */
export function parseSong(json: unknown, path: string): Song {
  const root = new JsonReader(json, path);
  const signature = root.optionalField("timeSignature");
  if (signature) {
    const [beats, unit] = signature.array(2).map((part) => part.number({ integer: true }));
    if (beats !== 4 || unit !== 4) signature.fail(`only 4/4 is played, got ${beats}/${unit}`);
  }
  const bars = root.field("bars").number({ min: 1, max: 1000, integer: true });
  const tracks = root.field("tracks");
  return {
    id: root.field("id").string({ maxLength: 100 }),
    title: root.field("title").string(),
    composer: root.optionalField("composer")?.string() ?? "",
    bpm: root.field("bpm").number({ min: 20, max: 300 }),
    bars,
    key: root.optionalField("key")?.string() ?? "",
    melody: readTrack(tracks, "melody", bars),
    chords: readTrack(tracks, "chords", bars),
    bass: readTrack(tracks, "bass", bars),
  };
}
