// A stand-in for the server's API in unit tests: a phrase drawn from the
// request's seed, a fixed mood answer, every request recorded. Answers can be
// held back to play a late server.
import { formatTransportTime } from "../transport/TransportTime";
import { RequestError } from "./RequestError";
import type { GenerateRequest, MoodAnswer, Phrase, PhraseNote } from "./ServerApi";

/** A small phrase that differs with the seed: four notes and one E minor chord a bar. */
export function phraseOfSeed(seed: number): Phrase {
  const note = (onsetBeats: number, pitch: number): PhraseNote => ({
    onsetBeats,
    durationBeats: 1,
    time: formatTransportTime(onsetBeats),
    duration: formatTransportTime(1),
    pitch,
    velocity: 0.7,
  });
  const notes = [0, 1, 2, 3].map((step) => note(step * 2, 60 + ((seed + step * 5) % 12)));
  const chords = [0, 4, 8].map((onsetBeats) => ({ symbol: "Em", onsetBeats, durationBeats: 4, pitches: [64, 67, 71] }));
  return { notes, chords, key: "E minor", bpm: 80, seed };
}

export class FakeServer {
  readonly requests: GenerateRequest[] = [];
  readonly moodTexts: string[] = [];
  moodAnswer: MoodAnswer = { valence: -0.4, arousal: -0.3, key: "D", mode: "minor", progression: "Dm7 G7 Cmaj7", bpm: 72, instrument: "piano", temperature: 1 };
  /** While true, phrases are not answered until `release()`. */
  holding = false;
  private held: Array<() => void> = [];

  /** Chord symbols the server cannot read: a request with one is refused with a 400, as `lofi serve` does. */
  unreadableChords = /Xq/;
  /** While true, mood sentences are refused with a 400. */
  refuseMoods = false;

  generate(request: GenerateRequest): Promise<Phrase> {
    this.requests.push(request);
    const unreadable = request.chords?.split(/\s+/).find((symbol) => this.unreadableChords.test(symbol));
    if (unreadable) return Promise.reject(new RequestError(`/api/generate: 400 cannot read the chord '${unreadable}'`, 400));
    const phrase = phraseOfSeed(request.seed);
    if (!this.holding) return Promise.resolve(phrase);
    return new Promise((resolve) => this.held.push(() => resolve(phrase)));
  }

  mood(text: string): Promise<MoodAnswer> {
    this.moodTexts.push(text);
    if (this.refuseMoods) return Promise.reject(new RequestError("/api/mood: 400 the text has no words", 400));
    return Promise.resolve({ ...this.moodAnswer });
  }

  /** Answers every phrase held back. */
  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }
}
