import { describe, expect, it } from "vitest";
import { DataError } from "./JsonReader";
import { byName, chooseFile, matchInstrument, parseManifest } from "./Manifest";

const bar = (hits: unknown[][]) => Array.from({ length: 16 }, (_, step) => hits[step] ?? []);

function goodManifest(): any {
  return {
    drumKit: [
      { name: "kick", files: ["drums/kick.ogg", "drums/kick.mp3"] },
      { name: "snare", files: ["drums/snare.ogg"] },
      { name: "hat-closed", files: [{ path: "drums/hat.ogg", bytes: 1200 }] },
    ],
    grooves: [
      {
        name: "boom-bap",
        swing: 0.3,
        humanize: { velocity: 0.1, timing: 8 },
        pattern: [...bar([["kick", "hatClosed"], [], ["hat-closed"], [], [{ drum: "snare", velocity: 100 }]]), ...bar([["kick"]])],
      },
      { name: "lanes", swing: 58, pattern: { kick: "x...............", snare: "....X..........." } },
    ],
    ambiences: [{ name: "rain", files: ["ambience/rain.ogg"], duration: 30, loopLength: 30 }],
    quotes: [{ name: "aurelius", text: "Very little is needed.", author: "Marcus Aurelius", files: "quotes/aurelius.ogg" }],
    instruments: [{ name: "piano", samples: { C4: "piano/C4.ogg", "63": ["piano/Eb4.ogg"], A4: "piano/A#4 soft.ogg" } }],
  };
}

describe("parseManifest", () => {
  it("reads every list, resolving paths under the assets folder", () => {
    const manifest = parseManifest(goodManifest());
    expect(manifest.drumKit.map((sound) => sound.name)).toEqual(["kick", "snare", "hat-closed"]);
    expect(manifest.drumKit[0]!.files[0]).toEqual({ url: "/assets/drums/kick.ogg", format: "audio/ogg" });
    expect(manifest.drumKit[2]!.files[0]!.bytes).toBe(1200);
    expect(manifest.ambiences[0]).toMatchObject({ name: "rain", title: "Rain", duration: 30 });
    expect(manifest.quotes[0]!.files[0]!.url).toBe("/assets/quotes/aurelius.ogg");
    expect(Object.keys(manifest.instruments[0]!.samples).sort()).toEqual(["A4", "C4", "D#4"]);
    expect(manifest.instruments[0]!.samples["A4"]![0]!.url).toBe("/assets/piano/A%234%20soft.ogg");
    expect(manifest.instruments[0]!.samples["D#4"]![0]!.url).toBe("/assets/piano/Eb4.ogg");
  });

  it("reads a groove's steps, swing and humanisation", () => {
    const groove = parseManifest(goodManifest()).grooves[0]!;
    expect(groove.bars).toBe(2);
    expect(groove.steps).toHaveLength(32);
    expect(groove.steps[0]).toEqual([{ drum: "kick", velocity: 1, offsetSteps: 0 }, { drum: "hatClosed", velocity: 1, offsetSteps: 0 }]);
    expect(groove.steps[4]![0]!.velocity).toBeCloseTo(100 / 127);
    expect(groove.swing).toBe(0.3);
    expect(groove.humanizeVelocity).toBe(0.1);
    expect(groove.humanizeTiming).toBeCloseTo(0.008);
  });

  it("reads lanes of x and . and a swing given in percent", () => {
    const groove = parseManifest(goodManifest()).grooves[1]!;
    expect(groove.steps[0]).toEqual([{ drum: "kick", velocity: 0.8, offsetSteps: 0 }]);
    expect(groove.steps[4]).toEqual([{ drum: "snare", velocity: 1, offsetSteps: 0 }]);
    expect(groove.swing).toBeGreaterThan(0.4);
    expect(groove.swing).toBeLessThan(0.6);
  });

  it("reads the expanded grooves of `lofi assets`: MIDI velocities and offsets in steps", () => {
    const manifest = goodManifest();
    manifest.grooves[0].pattern[1] = [{ drum: "kick", velocity: 127, offset: 0.12 }, { drum: "snare", velocity: 64, offset: -0.04 }];
    const step = parseManifest(manifest).grooves[0]!.steps[1]!;
    expect(step).toEqual([{ drum: "kick", velocity: 1, offsetSteps: 0.12 }, { drum: "snare", velocity: 64 / 127, offsetSteps: -0.04 }]);
  });

  it("adds the MP3 copies of instrument samples after the Ogg ones", () => {
    const manifest = goodManifest();
    manifest.instruments[0].samplesMp3 = { C4: "piano/C4.mp3" };
    expect(parseManifest(manifest).instruments[0]!.samples["C4"]!.map((file) => file.format)).toEqual(["audio/ogg", "audio/mpeg"]);
  });

  const broken: Array<[string, (m: any) => void, string]> = [
    ["an offset of more than a beat", (m) => (m.grooves[0].pattern[0] = [{ drum: "kick", offset: 9 }]), "manifest.grooves[0].pattern[0][0].offset: 9 is above 4"],
    ["a missing list", (m) => delete m.quotes, "manifest: missing field 'quotes'"],
    ["a list that is not one", (m) => (m.grooves = {}), "manifest.grooves: expected an array, got an object"],
    ["a groove of a drum not in the kit", (m) => (m.grooves[0].pattern[0] = ["cowbell"]), "drum 'cowbell' is not in the drumKit"],
    ["a groove of a partial bar", (m) => m.grooves[0].pattern.pop(), "has 31 steps"],
    ["lanes of unequal length", (m) => (m.grooves[1].pattern.snare = "x..."), "lane 'snare' has 4 steps"],
    ["an unknown lane symbol", (m) => (m.grooves[1].pattern.kick = "q" + ".".repeat(15)), "unknown step symbol 'q'"],
    ["a velocity out of range", (m) => (m.grooves[0].pattern[4] = [{ drum: "snare", velocity: 300 }]), "manifest.grooves[0].pattern[4][0].velocity: 300 is above 127"],
    ["a path leaving the folder", (m) => (m.ambiences[0].files = ["../secret"]), "leaves the assets folder"],
    ["an address instead of a path", (m) => (m.ambiences[0].files = ["https://example.org/a.ogg"]), "not an address"],
    ["a sample key that is no note", (m) => (m.instruments[0].samples = { H9: "x.ogg" }), "sample key 'H9'"],
    ["a name given twice", (m) => m.ambiences.push(m.ambiences[0]), "name 'rain' appears twice"],
    ["an entry without files", (m) => (m.quotes[0].files = []), "manifest.quotes[0].files: lists no file"],
    ["a wrong type", (m) => (m.quotes[0].text = 5), "manifest.quotes[0].text: expected a string, got number 5"],
    ["not an object at all", (m) => Object.keys(m).forEach((k) => delete m[k]), "missing field 'drumKit'"],
  ];

  it.each(broken)("rejects %s with the field's path", (_, breakIt, message) => {
    const manifest = goodManifest();
    breakIt(manifest);
    expect(() => parseManifest(manifest)).toThrow(DataError);
    expect(() => parseManifest(manifest)).toThrow(message);
  });

  it("rejects a manifest that is not an object", () => {
    expect(() => parseManifest(null)).toThrow("manifest: expected an object, got null");
    expect(() => parseManifest([1])).toThrow("manifest: expected an object, got an array");
  });
});

describe("chooseFile", () => {
  const files = [
    { url: "/a.ogg", format: "audio/ogg" },
    { url: "/a.mp3", format: "audio/mpeg" },
  ];

  it("takes the first format the browser plays", () => {
    expect(chooseFile(files, () => true).url).toBe("/a.ogg");
    expect(chooseFile(files, (mime) => mime === "audio/mpeg").url).toBe("/a.mp3");
  });

  it("says so when nothing plays", () => {
    expect(() => chooseFile(files, () => false, "rain")).toThrow("rain: no file in a format this browser plays (audio/ogg, audio/mpeg)");
  });
});

describe("byName", () => {
  it("names the choices when a name is missing", () => {
    expect(() => byName([{ name: "rain" }], "snow", "ambiences")).toThrow("ambiences: no entry 'snow' (have rain)");
  });
});

describe("matchInstrument", () => {
  const instruments = ["piano", "electric-piano", "electric-bass", "nylon-guitar"].map((name) => ({ name, title: name, samples: {} }));
  it("finds by name, then by part of a name, then falls back to the first", () => {
    expect(matchInstrument(instruments, "electric-piano").name).toBe("electric-piano");
    expect(matchInstrument(instruments, "Electric Piano").name).toBe("electric-piano");
    expect(matchInstrument(instruments, "bass").name).toBe("electric-bass");
    expect(matchInstrument(instruments, "guitar").name).toBe("nylon-guitar");
    expect(matchInstrument(instruments, "theremin").name).toBe("piano");
    expect(() => matchInstrument([], "piano")).toThrow("manifest.instruments: is empty");
  });
});
