// Pitches as the songs and Tone.js write them ("F#5", "Bb3") and as MIDI numbers.

const PITCH_CLASS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
const SHARP_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

export class NoteNameError extends Error {
  constructor(text: string, why: string) {
    super(`note name '${text}': ${why}`);
    this.name = "NoteNameError";
  }
}

/** "C4" is 60, as in Tone.js and the MIDI files this project writes. */
export function noteNameToMidi(text: string): number {
  const match = /^([A-Ga-g])(#{1,2}|b{1,2}|x)?(-?\d+)$/.exec(text);
  if (!match) throw new NoteNameError(text, "expected a letter, optional #/b and an octave, like F#5");
  const [, letter, accidental = "", octave] = match as unknown as [string, string, string | undefined, string];
  const alter = accidental === "x" ? 2 : accidental.startsWith("#") ? accidental.length : -accidental.length;
  const midi = (Number(octave) + 1) * 12 + PITCH_CLASS[letter.toUpperCase()]! + alter;
  if (midi < 0 || midi > 127) throw new NoteNameError(text, "outside the MIDI range 0-127");
  return midi;
}

export function midiToNoteName(midi: number): string {
  if (!Number.isInteger(midi) || midi < 0 || midi > 127) throw new RangeError(`MIDI pitch ${midi} is outside 0-127`);
  return `${SHARP_NAMES[midi % 12]}${Math.floor(midi / 12) - 1}`;
}
