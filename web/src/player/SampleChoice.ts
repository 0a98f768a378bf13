// Which samples of an instrument a piece needs: for each pitch played, the
// sample Tone.Sampler would stretch to reach it (the nearest one). Loading only
// those keeps the bytes before the first note small.
import { noteNameToMidi } from "../transport/NoteName";

export function nearestSample(sampleNotes: string[], pitch: number): string {
  let best = sampleNotes[0]!;
  let bestDistance = Infinity;
  for (const note of sampleNotes) {
    const distance = Math.abs(noteNameToMidi(note) - pitch);
    if (distance < bestDistance) [best, bestDistance] = [note, distance];
  }
  return best;
}

/** The samples needed for `pitches`, or all of them when the pitches are not known yet. */
export function samplesNeeded(sampleNotes: string[], pitches?: Iterable<number>): string[] {
  if (sampleNotes.length === 0) return [];
  if (!pitches) return [...sampleNotes];
  const needed = new Set<string>();
  for (const pitch of pitches) needed.add(nearestSample(sampleNotes, pitch));
  return sampleNotes.filter((note) => needed.has(note));
}
