// A small deterministic random source (mulberry32): the same seed gives the
// same humanisation and the same scenes, so a shared link sounds the same.
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** 0 (inclusive) to 1 (exclusive). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [-1, 1). */
  signed(): number {
    return this.next() * 2 - 1;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
}

/** Mixes a text into a seed, so "drums" and "visuals" draw different numbers from one seed. */
export function deriveSeed(seed: number, salt: string): number {
  let hash = 2166136261 ^ seed;
  for (let index = 0; index < salt.length; index++) hash = Math.imul(hash ^ salt.charCodeAt(index), 16777619);
  return hash >>> 0;
}
