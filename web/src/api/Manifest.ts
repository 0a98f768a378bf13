// The assets manifest written by `lofi assets` and served at /assets/manifest.json.
// Everything the page knows about its shape is in this file: field names that
// are still settling are accepted under each name the sound issue suggests, and
// anything unreadable is a DataError naming the field.
import { DataError, JsonReader } from "./JsonReader";
import { midiToNoteName, noteNameToMidi } from "../transport/NoteName";

/** One encoding of one sound; `url` is absolute (resolved against the assets base). */
export interface AssetFile {
  url: string;
  format: string;
  bytes?: number;
}

export interface DrumHit {
  drum: string;
  /** 0 to 1. */
  velocity: number;
  /** How late the hit is after its step, in sixteenths (swing and humanising baked in by `lofi assets`; may be negative). */
  offsetSteps: number;
}

export interface Groove {
  name: string;
  title: string;
  bars: number;
  /** One entry per sixteenth: the drums that hit on it. */
  steps: DrumHit[][];
  /** 0 straight to 1 triplet: how far each off-beat sixteenth is pushed late. */
  swing: number;
  /** Random velocity change, as a fraction of the velocity (0.1 = up to 10% either way). */
  humanizeVelocity: number;
  /** Random timing change, in seconds either way. */
  humanizeTiming: number;
}

export interface Ambience {
  name: string;
  title: string;
  files: AssetFile[];
  /** Length of the file in seconds, when given. */
  duration?: number;
}

export interface Quote {
  name: string;
  text: string;
  author: string;
  files: AssetFile[];
  duration?: number;
}

export interface Instrument {
  name: string;
  title: string;
  /** Note name ("C4") to the files of the sample recorded at that pitch. */
  samples: Record<string, AssetFile[]>;
}

export interface DrumSound {
  name: string;
  files: AssetFile[];
}

export interface Manifest {
  grooves: Groove[];
  ambiences: Ambience[];
  quotes: Quote[];
  instruments: Instrument[];
  drumKit: DrumSound[];
}

const FORMAT_BY_EXTENSION: Record<string, string> = {
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg; codecs=opus",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  m4a: "audio/mp4",
  flac: "audio/flac",
};

/** Drum names compared without case or punctuation, so "hat-closed" meets "hatClosed". */
export function drumKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function titleOf(name: string): string {
  return name.replace(/[-_]+/g, " ").replace(/\b\w/g, (letter) => letter.toUpperCase());
}

function resolveUrl(path: string, base: string, where: JsonReader): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith("//")) where.fail(`'${path}' must be a path under the assets folder, not an address`);
  if (path.split("/").includes("..")) where.fail(`'${path}' leaves the assets folder`);
  // File names such as "D#4.ogg" must not be read as a fragment: each segment is encoded.
  const encoded = path.split("/").map((segment) => encodeURIComponent(segment)).join("/");
  if (path.startsWith("/")) return encoded;
  return base.replace(/\/?$/, "/") + encoded;
}

function readFile(reader: JsonReader, base: string): AssetFile {
  if (reader.isString()) {
    const path = reader.string();
    const extension = path.split(".").pop()?.toLowerCase() ?? "";
    return { url: resolveUrl(path, base, reader), format: FORMAT_BY_EXTENSION[extension] ?? "" };
  }
  const path = reader.fieldOf("path", "file", "url");
  const file = readFile(path, base);
  const format = reader.optionalFieldOf("format", "type", "mime");
  const bytes = reader.optionalFieldOf("bytes", "size");
  if (format) {
    const text = format.string();
    file.format = text.includes("/") ? text : FORMAT_BY_EXTENSION[text.toLowerCase()] ?? text;
  }
  if (bytes) file.bytes = bytes.number({ min: 0, integer: true });
  return file;
}

/** `files` as a list, a single path, or an object of format -> path. */
function readFiles(entry: JsonReader, base: string): AssetFile[] {
  const files = entry.fieldOf("files", "file");
  let list: AssetFile[];
  if (files.isString()) list = [readFile(files, base)];
  else if (files.isArray()) list = files.array(16).map((file) => readFile(file, base));
  else list = files.entries().map(([, file]) => readFile(file, base));
  if (list.length === 0) files.fail("lists no file");
  return list;
}

function readVelocity(reader: JsonReader): number {
  const value = reader.number({ min: 0, max: 127 });
  return value > 1 ? value / 127 : value;
}

function readStep(step: JsonReader): DrumHit[] {
  return step.array(16).map((hit) => {
    if (hit.isString()) return { drum: hit.string(), velocity: 1, offsetSteps: 0 };
    const velocity = hit.optionalFieldOf("velocity", "vel");
    const offset = hit.optionalFieldOf("offset", "offsetSteps");
    return {
      drum: hit.fieldOf("drum", "name", "sound").string(),
      velocity: velocity ? readVelocity(velocity) : 1,
      offsetSteps: offset ? offset.number({ min: -4, max: 4 }) : 0,
    };
  });
}

/** A lane is "x..x" (x loud, X accent, o soft, . rest) or a list of velocities with 0 for rests. */
function readLane(drum: string, lane: JsonReader): number[] {
  if (lane.isString()) {
    const text = lane.string();
    const levels: Record<string, number> = { ".": 0, "-": 0, x: 0.8, X: 1, o: 0.5 };
    return [...text].map((symbol, index) => {
      const level = levels[symbol];
      if (level === undefined) new JsonReader(symbol, `${lane.path}[${index}]`).fail(`unknown step symbol '${symbol}' in the ${drum} lane`);
      return level as number;
    });
  }
  return lane.array(1024).map((step) => (step.isNumber() ? readVelocity(step) : step.boolean() ? 1 : 0));
}

function readPattern(pattern: JsonReader): DrumHit[][] {
  if (pattern.isArray()) return pattern.array(1024).map(readStep);
  const lanes = pattern.entries().map(([drum, lane]) => ({ drum, velocities: readLane(drum, lane) }));
  const length = Math.max(0, ...lanes.map((lane) => lane.velocities.length));
  for (const lane of lanes) {
    if (lane.velocities.length !== length) pattern.fail(`lane '${lane.drum}' has ${lane.velocities.length} steps, others ${length}`);
  }
  return Array.from({ length }, (_, step) =>
    lanes.filter((lane) => lane.velocities[step]! > 0).map((lane) => ({ drum: lane.drum, velocity: lane.velocities[step]!, offsetSteps: 0 })),
  );
}

function readHumanize(groove: JsonReader): { velocity: number; timing: number } {
  const nested = groove.optionalFieldOf("humanize", "humanise");
  const velocity = nested?.optionalFieldOf("velocity") ?? groove.optionalFieldOf("humanizeVelocity", "velocityHumanize");
  const timing = nested?.optionalFieldOf("timing") ?? groove.optionalFieldOf("humanizeTiming", "timingHumanize");
  const velocityAmount = velocity ? velocity.number({ min: 0, max: 1 }) : 0;
  // Timing is in seconds; a value above one can only mean milliseconds.
  const timingValue = timing ? timing.number({ min: 0, max: 100 }) : 0;
  return { velocity: velocityAmount, timing: timingValue > 1 ? timingValue / 1000 : timingValue };
}

function readGroove(groove: JsonReader, kit: Set<string>): Groove {
  const name = groove.field("name").string({ maxLength: 100 });
  const patternReader = groove.fieldOf("pattern", "steps");
  const steps = readPattern(patternReader);
  if (steps.length === 0 || steps.length % 16 !== 0) {
    patternReader.fail(`has ${steps.length} steps; expected whole bars of 16 sixteenths`);
  }
  steps.forEach((hits, index) => {
    for (const hit of hits) {
      if (!kit.has(drumKey(hit.drum))) {
        new JsonReader(hit.drum, `${patternReader.path}[${index}]`).fail(`drum '${hit.drum}' is not in the drumKit`);
      }
    }
  });
  const swingReader = groove.optionalField("swing");
  let swing = swingReader ? swingReader.number({ min: 0, max: 100 }) : 0;
  // Swing given as a percentage of the eighth (50 straight, 66.7 triplet) becomes 0..1.
  if (swing > 1) swing = Math.min(1, Math.max(0, (swing - 50) / (200 / 3 - 50)));
  const humanize = readHumanize(groove);
  const title = groove.optionalFieldOf("title", "label");
  return {
    name,
    title: title ? title.string() : titleOf(name),
    bars: steps.length / 16,
    steps,
    swing,
    humanizeVelocity: humanize.velocity,
    humanizeTiming: humanize.timing,
  };
}

function readDrumKit(kit: JsonReader, base: string): DrumSound[] {
  if (kit.isArray()) return kit.array(64).map((sound) => ({ name: sound.field("name").string(), files: readFiles(sound, base) }));
  return kit.entries().map(([name, sound]) => ({
    name,
    files: sound.isString() || sound.isArray() ? [sound].flatMap((files) => readFileList(files, base)) : readFiles(sound, base),
  }));
}

function readFileList(files: JsonReader, base: string): AssetFile[] {
  return files.isArray() ? files.array(16).map((file) => readFile(file, base)) : [readFile(files, base)];
}

function readNoteKey(key: string, where: JsonReader): string {
  try {
    return /^\d+$/.test(key) ? midiToNoteName(Number(key)) : midiToNoteName(noteNameToMidi(key));
  } catch (error) {
    return where.fail(`sample key '${key}': ${(error as Error).message}`);
  }
}

function readInstrument(instrument: JsonReader, base: string): Instrument {
  const name = instrument.field("name").string({ maxLength: 100 });
  const map = instrument.fieldOf("samples", "sampleMap", "notes");
  const samples: Record<string, AssetFile[]> = {};
  for (const [key, files] of map.entries()) samples[readNoteKey(key, map)] = readFileList(files, base);
  // MP3 copies (for Safari) come as a second map of the same notes.
  const mp3 = instrument.optionalField("samplesMp3");
  for (const [key, files] of mp3?.entries() ?? []) {
    const note = readNoteKey(key, mp3!);
    samples[note] = [...(samples[note] ?? []), ...readFileList(files, base)];
  }
  if (Object.keys(samples).length === 0) map.fail("has no sample");
  const title = instrument.optionalFieldOf("title", "label");
  return { name, title: title ? title.string() : titleOf(name), samples };
}

function readDuration(entry: JsonReader): number | undefined {
  const duration = entry.optionalFieldOf("duration", "seconds");
  return duration ? duration.number({ min: 0, max: 3600 }) : undefined;
}

function uniqueNames<T extends { name: string }>(list: T[], reader: JsonReader): T[] {
  const seen = new Set<string>();
  for (const item of list) {
    if (seen.has(item.name)) reader.fail(`name '${item.name}' appears twice`);
    seen.add(item.name);
  }
  return list;
}

/** Reads the manifest; `base` is where its paths are relative to (the manifest's folder). */
export function parseManifest(json: unknown, base = "/assets/"): Manifest {
  const root = new JsonReader(json, "manifest");
  const kitReader = root.field("drumKit");
  const drumKit = readDrumKit(kitReader, base);
  const kit = new Set(drumKit.map((sound) => drumKey(sound.name)));
  const groovesReader = root.field("grooves");
  const ambiencesReader = root.field("ambiences");
  const quotesReader = root.field("quotes");
  const instrumentsReader = root.field("instruments");
  return {
    drumKit: uniqueNames(drumKit, kitReader),
    grooves: uniqueNames(groovesReader.array(100).map((groove) => readGroove(groove, kit)), groovesReader),
    ambiences: uniqueNames(
      ambiencesReader.array(100).map((ambience) => {
        const name = ambience.field("name").string({ maxLength: 100 });
        const title = ambience.optionalFieldOf("title", "label");
        return { name, title: title ? title.string() : titleOf(name), files: readFiles(ambience, base), duration: readDuration(ambience) };
      }),
      ambiencesReader,
    ),
    quotes: uniqueNames(
      quotesReader.array(100).map((quote) => ({
        name: quote.field("name").string({ maxLength: 100 }),
        text: quote.field("text").string(),
        author: quote.optionalField("author")?.string() ?? "",
        files: readFiles(quote, base),
        duration: readDuration(quote),
      })),
      quotesReader,
    ),
    instruments: uniqueNames(instrumentsReader.array(100).map((instrument) => readInstrument(instrument, base)), instrumentsReader),
  };
}

/**
 * The file of a sound this browser plays, in the listed order of preference
 * (Ogg first where it plays, MP3 for Safari). `canPlay` is the browser's answer
 * for a MIME type; a file of unknown format is tried last.
 */
export function chooseFile(files: AssetFile[], canPlay: (mime: string) => boolean, what = "sound"): AssetFile {
  const playable = files.find((file) => file.format !== "" && canPlay(file.format));
  const fallback = files.find((file) => file.format === "");
  const chosen = playable ?? fallback;
  if (!chosen) throw new DataError(what, `no file in a format this browser plays (${files.map((file) => file.format).join(", ")})`);
  return chosen;
}

/** Finds an entry by name or throws naming the list and what it holds. */
export function byName<T extends { name: string }>(list: T[], name: string, what: string): T {
  const found = list.find((item) => item.name === name);
  if (!found) throw new DataError(what, `no entry '${name}' (have ${list.map((item) => item.name).join(", ") || "none"})`);
  return found;
}

/**
 * The instrument for a name the songs or the mood use ("bass", "electric-piano"):
 * the same name, else one whose name contains it or is contained in it, else the first.
 */
export function matchInstrument(instruments: Instrument[], wanted: string): Instrument {
  if (instruments.length === 0) throw new DataError("manifest.instruments", "is empty; nothing can play a melody");
  const key = drumKey(wanted);
  return (
    instruments.find((instrument) => drumKey(instrument.name) === key) ??
    instruments.find((instrument) => key !== "" && (drumKey(instrument.name).includes(key) || key.includes(drumKey(instrument.name)))) ??
    instruments[0]!
  );
}
