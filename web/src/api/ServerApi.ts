// The JSON API of `lofi serve` (issue 6): the requests the page sends and the
// parsing of what comes back. Field names still settling are accepted under
// each likely spelling here and nowhere else.
import { JsonReader } from "./JsonReader";
import { formatTransportTime, parseTransportTime } from "../transport/TransportTime";
import { noteNameToMidi } from "../transport/NoteName";

export interface GenerateRequest {
  bars: number;
  temperature: number;
  topP: number;
  seed: number;
  chords?: string;
  mood?: string;
  key?: string;
  bpm?: number;
  instrument?: string;
}

/** One note, in quarter notes from the phrase start (the Transport's beats). */
export interface PhraseNote {
  onsetBeats: number;
  durationBeats: number;
  /** "bars:quarters:sixteenths" of the onset. */
  time: string;
  /** "bars:quarters:sixteenths" of the length. */
  duration: string;
  pitch: number;
  /** 0 to 1. */
  velocity: number;
}

export interface PhraseChord {
  symbol: string;
  onsetBeats: number;
  durationBeats: number;
  /** MIDI pitches of the voicing, when the server sends one. */
  pitches: number[];
}

export interface Phrase {
  notes: PhraseNote[];
  chords: PhraseChord[];
  key: string;
  bpm: number;
  seed: number;
}

export interface MoodAnswer {
  valence: number;
  arousal: number;
  key: string;
  mode: string;
  progression: string;
  bpm: number;
  instrument: string;
  temperature: number;
}

export interface ServerInfo {
  /** Whatever the server reports, flattened to text for display. */
  fields: Record<string, string>;
}

const MAX_NOTES = 10_000;

/** Checks a request before it leaves, with the same limits the server enforces. */
export function validateGenerateRequest(request: GenerateRequest): GenerateRequest {
  const reader = new JsonReader(request, "generate request");
  reader.field("bars").number({ min: 1, max: 64, integer: true });
  reader.field("temperature").number({ min: 0.05, max: 2 });
  reader.field("topP").number({ min: 0.05, max: 1 });
  reader.field("seed").number({ min: 0, max: 2 ** 31 - 1, integer: true });
  reader.optionalField("chords")?.string({ nonEmpty: false, maxLength: 500 });
  reader.optionalField("mood")?.string({ nonEmpty: false, maxLength: 500 });
  reader.optionalField("bpm")?.number({ min: 40, max: 200 });
  return request;
}

/** The request body: empty optional fields are left out, as the server wants no unknown or blank values. */
export function generateRequestBody(request: GenerateRequest): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(validateGenerateRequest(request))) {
    if (value === undefined || value === "") continue;
    body[key] = value as string | number;
  }
  return body;
}

/** The same request as a query string for GET /api/generate.mid. */
export function generateQuery(request: GenerateRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(generateRequestBody(request))) params.set(key, String(value));
  return params.toString();
}

function readPitch(reader: JsonReader): number {
  if (reader.isString()) return reader.parsedString(noteNameToMidi);
  return reader.number({ min: 0, max: 127, integer: true });
}

function readVelocity(reader: JsonReader | undefined): number {
  if (!reader) return 0.7;
  const value = reader.number({ min: 0, max: 127 });
  return value > 1 ? value / 127 : value;
}

/** A time given as beats, as "bars:quarters:sixteenths", or both (beats win). */
function readBeats(entry: JsonReader, beatKeys: string[], timeKeys: string[]): number {
  const beats = entry.optionalFieldOf(...beatKeys);
  if (beats && beats.isNumber()) return beats.number({ min: 0, max: 100_000 });
  const time = entry.optionalFieldOf(...timeKeys) ?? beats;
  if (!time) return entry.fail(`missing field '${[...beatKeys, ...timeKeys].join("' or '")}'`);
  return time.parsedString(parseTransportTime);
}

function readNote(note: JsonReader): PhraseNote {
  const onsetBeats = readBeats(note, ["onsetBeats", "onset", "start"], ["time", "onsetTime"]);
  const durationBeats = readBeats(note, ["durationBeats", "duration", "length"], ["durationTime"]);
  if (durationBeats <= 0) note.fail("duration must be above zero");
  return {
    onsetBeats,
    durationBeats,
    time: formatTransportTime(onsetBeats),
    duration: formatTransportTime(durationBeats),
    pitch: readPitch(note.fieldOf("pitch", "midi", "note")),
    velocity: readVelocity(note.optionalFieldOf("velocity", "vel")),
  };
}

function readChord(chord: JsonReader): PhraseChord {
  if (chord.isString()) return { symbol: chord.string(), onsetBeats: Number.NaN, durationBeats: Number.NaN, pitches: [] };
  const pitches = chord.optionalFieldOf("pitches", "notes", "voicing");
  return {
    symbol: chord.fieldOf("symbol", "name", "chord").string({ maxLength: 40 }),
    onsetBeats: readBeats(chord, ["onsetBeats", "onset", "start"], ["time", "onsetTime"]),
    durationBeats: readBeats(chord, ["durationBeats", "duration", "length"], ["durationTime"]),
    pitches: pitches ? pitches.array(16).map(readPitch) : [],
  };
}

/** Chords given as bare symbols are spread evenly, one bar each, over the phrase. */
function placeBareChords(chords: PhraseChord[], phraseBeats: number): PhraseChord[] {
  if (!chords.some((chord) => Number.isNaN(chord.onsetBeats))) return chords;
  const beatsEach = 4;
  const count = Math.max(1, Math.ceil(phraseBeats / beatsEach));
  return Array.from({ length: count }, (_, index) => ({
    ...chords[index % chords.length]!,
    onsetBeats: index * beatsEach,
    durationBeats: beatsEach,
  }));
}

/** Reads the answer of POST /api/generate. */
export function parsePhrase(json: unknown, path = "/api/generate"): Phrase {
  const root = new JsonReader(json, path);
  const notes = root.field("notes").array(MAX_NOTES).map(readNote);
  const phraseBeats = Math.max(0, ...notes.map((note) => note.onsetBeats + note.durationBeats));
  const chordsReader = root.optionalField("chords");
  const chords = placeBareChords(chordsReader ? chordsReader.array(1000).map(readChord) : [], phraseBeats);
  return {
    notes: notes.sort((a, b) => a.onsetBeats - b.onsetBeats || a.pitch - b.pitch),
    chords,
    key: root.optionalField("key")?.string() ?? "",
    bpm: root.optionalFieldOf("bpm", "tempo")?.number({ min: 20, max: 300 }) ?? 0,
    seed: root.optionalField("seed")?.number({ integer: true }) ?? 0,
  };
}

/** Reads the answer of POST /api/mood. */
export function parseMoodAnswer(json: unknown, path = "/api/mood"): MoodAnswer {
  const root = new JsonReader(json, path);
  const progression = root.fieldOf("progression", "chords");
  return {
    valence: root.field("valence").number({ min: -10, max: 10 }),
    arousal: root.field("arousal").number({ min: -10, max: 10 }),
    key: root.field("key").string(),
    mode: root.optionalField("mode")?.string() ?? "",
    progression: progression.isArray() ? progression.array(64).map((chord) => chord.string()).join(" ") : progression.string(),
    bpm: root.fieldOf("bpm", "tempo").number({ min: 20, max: 300 }),
    instrument: root.optionalField("instrument")?.string() ?? "",
    temperature: root.optionalField("temperature")?.number({ min: 0, max: 5 }) ?? 1,
  };
}

/** Reads GET /api/info: any flat or nested object, shown as "key: value" lines. */
export function parseServerInfo(json: unknown, path = "/api/info"): ServerInfo {
  const fields: Record<string, string> = {};
  const visit = (reader: JsonReader, prefix: string, depth: number) => {
    for (const [key, value] of reader.entries()) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (value.value !== null && typeof value.value === "object" && !Array.isArray(value.value) && depth < 3) visit(value, name, depth + 1);
      else fields[name] = typeof value.value === "string" ? value.value : JSON.stringify(value.value);
    }
  };
  visit(new JsonReader(json, path), "", 0);
  return { fields };
}

/** The server's JSON error body ({"error": "..."}) or the status line when there is none. */
export function errorMessage(status: number, statusText: string, body: string, path: string): string {
  try {
    const reader = new JsonReader(JSON.parse(body), path);
    const error = reader.optionalFieldOf("error", "message");
    if (error) return `${path}: ${status} ${error.isString() ? error.string() : JSON.stringify(error.value)}`;
  } catch {
    // not JSON: fall through to the status line
  }
  return `${path}: ${status} ${statusText || "error"}`;
}

/**
 * The seed of phrase `index` of a track: phrase 0 uses the track's seed itself,
 * so "seed=42" in a link is the same request as `lofi generate --seed 42`.
 */
export function phraseSeed(seed: number, index: number): number {
  return (seed + index * 1_000_003) % (2 ** 31 - 1);
}
