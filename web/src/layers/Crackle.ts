// Vinyl crackle made here when the assets bring none: sparse clicks of random
// size over a faint hiss. Pure numbers so it can be tested and rendered offline.
import { SeededRandom } from "../core/SeededRandom";

export interface CrackleOptions {
  seconds: number;
  sampleRate: number;
  /** Clicks per second. */
  density: number;
  /** Level of the hiss under the clicks, 0 to 1. */
  hiss: number;
  seed: number;
}

export const DEFAULT_CRACKLE: Readonly<CrackleOptions> = { seconds: 4, sampleRate: 44100, density: 24, hiss: 0.01, seed: 7 };

export function makeCrackle(options: Partial<CrackleOptions> = {}): Float32Array {
  const { seconds, sampleRate, density, hiss, seed } = { ...DEFAULT_CRACKLE, ...options };
  const random = new SeededRandom(seed);
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  let lowpassed = 0;
  for (let index = 0; index < samples.length; index++) {
    // Hiss: white noise through a one-pole low-pass, so it sounds like a record, not a radio.
    lowpassed += 0.3 * (random.signed() - lowpassed);
    samples[index] = hiss * lowpassed;
  }
  const clicks = Math.round(seconds * density);
  for (let click = 0; click < clicks; click++) {
    const start = Math.floor(random.next() * samples.length);
    const size = 0.05 + 0.35 * random.next() ** 3;
    const length = 8 + Math.floor(random.next() * 40);
    for (let offset = 0; offset < length && start + offset < samples.length; offset++) {
      const decay = Math.exp(-offset / (length / 4));
      samples[start + offset]! += size * decay * random.signed();
    }
  }
  for (let index = 0; index < samples.length; index++) samples[index] = Math.max(-0.95, Math.min(0.95, samples[index]!));
  return samples;
}
