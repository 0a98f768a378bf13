// A SlotPerformer for unit tests: writes down what the AI soloist would sound, and when.
import type { PhraseSlot, SlotPerformer } from "./AiSoloistLayer";
import type { Ensemble } from "./Ensemble";

export interface PlayedSlot {
  index: number;
  seed: number;
  startBar: number;
  endBar: number;
}

export class FakePerformer implements SlotPerformer {
  readonly played: PlayedSlot[] = [];
  readonly stops: number[] = [];
  ensemble: Ensemble | null = null;

  use(ensemble: Ensemble | null): void {
    this.ensemble = ensemble;
  }

  play(slot: PhraseSlot, startBar: number, endBar: number): void {
    this.played.push({ index: slot.index, seed: slot.request.seed, startBar, endBar });
  }

  stopAt(bar: number): void {
    this.stops.push(bar);
  }

  dispose(): void {}
}
