// The notes of the AI soloist's phrases as Tone.Parts: the lead plays the
// phrase's notes, and each chord that comes with a voicing is comped with its
// lowest note as the bass. The AiSoloistLayer decides which phrase plays in
// which bars; this only sounds them.
import * as Tone from "tone";
import type { PhraseChord, PhraseNote } from "../api/ServerApi";
import { beatsToTicks } from "../transport/Bars";
import { QUARTERS_PER_BAR } from "../transport/TransportTime";
import { midiToNoteName } from "../transport/NoteName";
import type { PhraseSlot, SlotPerformer } from "./AiSoloistLayer";
import type { Ensemble } from "./Ensemble";
import { Layer, type LayerOptions } from "./Layer";

/** The AI bass sits in the octave from E1 (MIDI 28) to D#2 (39): low, but not below a bass guitar's low E. */
export const AI_BASS_LOWEST = 28;
export const AI_BASS_HIGHEST = AI_BASS_LOWEST + 11;

/** The bass note of a chord: its lowest pitch, moved into the AI bass octave. */
export function bassPitchOf(chord: PhraseChord): number | undefined {
  if (chord.pitches.length === 0) return undefined;
  let pitch = Math.min(...chord.pitches);
  while (pitch > AI_BASS_HIGHEST) pitch -= 12;
  while (pitch < AI_BASS_LOWEST) pitch += 12;
  return pitch;
}

export interface PhrasePartsOptions extends LayerOptions {
  onNotePlayed?: (note: PhraseNote, index: number, time: number) => void;
}

export class PhraseParts extends Layer implements SlotPerformer {
  private parts: Array<Tone.Part<any>> = [];
  private ensemble: Ensemble | null = null;
  private readonly onNotePlayed?: PhrasePartsOptions["onNotePlayed"];

  constructor(options: PhrasePartsOptions) {
    super(options);
    this.onNotePlayed = options.onNotePlayed;
  }

  use(ensemble: Ensemble | null): void {
    this.ensemble = ensemble;
  }

  play(slot: PhraseSlot, startBar: number, endBar: number): void {
    this.parts = this.parts.filter((part) => part.state === "started" || part.state === "stopped");
    const ticks = (beats: number) => `${beatsToTicks(beats, this.transport.PPQ)}i`;
    const slotBeats = (endBar - startBar) * QUARTERS_PER_BAR;
    const notes = slot.phrase.notes.filter((note) => note.onsetBeats < slotBeats);
    const lead = new Tone.Part<{ time: string; note: PhraseNote }>({
      context: this.context,
      callback: (time, { note }) => {
        this.ensemble?.play("lead", [midiToNoteName(note.pitch)], ticks(note.durationBeats), time, note.velocity);
        this.onNotePlayed?.(note, slot.index, time);
      },
      events: notes.map((note) => ({ time: ticks(note.onsetBeats), note })),
    });
    const chords = slot.phrase.chords.filter((chord) => chord.pitches.length > 0 && chord.onsetBeats < slotBeats);
    const comping = new Tone.Part<{ time: string; chord: PhraseChord }>({
      context: this.context,
      callback: (time, { chord }) => {
        this.ensemble?.play("chords", chord.pitches.map(midiToNoteName), ticks(chord.durationBeats), time, 0.45);
        const bass = bassPitchOf(chord);
        if (bass !== undefined) this.ensemble?.play("bass", [midiToNoteName(bass)], ticks(chord.durationBeats), time, 0.6);
      },
      events: chords.map((chord) => ({ time: ticks(chord.onsetBeats), chord })),
    });
    for (const part of [lead, comping]) part.start(this.barTime(startBar));
    this.retireParts([lead, comping], endBar);
    this.parts.push(lead, comping);
  }

  stopAt(bar: number): void {
    this.retireParts(this.parts, bar);
    this.parts = [];
  }

  override dispose(): void {
    super.dispose();
    for (const part of this.parts) part.dispose();
    this.parts = [];
  }
}
