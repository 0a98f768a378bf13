// What a selection needs to be heard, as plain data: the groove, the ambience,
// the quote's voice (an asset, or the listener's own words spoken by the
// server), and for the melody which instrument plays each track and the pitches
// it reaches, so that only the samples nearest those pitches are loaded. The
// live player and the WAV renderer both ask here, so the mix renders what is heard.
import type { MoodAnswer } from "../api/ServerApi";
import type { Song, SongTrack } from "../api/Song";
import type { PhraseSlot } from "../layers/AiSoloistLayer";
import type { Track } from "../layers/Ensemble";
import { bassPitchOf } from "../layers/PhraseParts";
import { noteNameToMidi } from "../transport/NoteName";
import { AI_MELODY, CUSTOM_QUOTE, OFF, type PlayerState } from "../state/PlayerState";

/** The AI soloist's instruments; a mood's instrument replaces the lead. */
export const AI_INSTRUMENTS: Readonly<Record<Track, string>> = Object.freeze({ lead: "electric-piano", chords: "piano", bass: "bass" });

/** An instrument (matched by name in the manifest) and the pitches it will play; without pitches every sample is loaded. */
export interface TrackNeed {
  instrument: string;
  pitches?: number[];
}

export type EnsembleNeeds = Record<Track, TrackNeed>;

/** The quote's voice: a manifest quote, the listener's words for the server to speak, or none. */
export type VoiceNeed = { asset: string } | { spoken: string } | null;

/** What is chosen now: the state, and what the server made of it. */
export interface Selection {
  state: PlayerState;
  /** The AI phrase playing, when the AI soloist is the melody. */
  phrase?: PhraseSlot;
  /** The server's reading of the mood sentence, if there is one. */
  mood: MoodAnswer | null;
}

export interface SelectionNeeds {
  groove: string | null;
  ambience: string | null;
  voice: VoiceNeed;
  /** Null when no melody plays (none chosen, or the AI soloist before its first phrase). */
  melody: EnsembleNeeds | null;
}

/** Pitches of a track, or none known (every sample) when it has none. */
function reaching(pitches: number[]): number[] | undefined {
  return pitches.length > 0 ? pitches : undefined;
}

function songTrackPitches(track: SongTrack): number[] {
  return track.notes.flatMap((note) => note.pitches.map(noteNameToMidi));
}

export function songNeeds(song: Song): EnsembleNeeds {
  const need = (track: SongTrack): TrackNeed => ({ instrument: track.instrument, pitches: reaching(songTrackPitches(track)) });
  return { lead: need(song.melody), chords: need(song.chords), bass: need(song.bass) };
}

/** The AI tracks: the lead plays the notes (on the mood's instrument if it names one), the chords their voicings, the bass each chord's bass note. */
export function phraseNeeds(slot: PhraseSlot, mood: MoodAnswer | null): EnsembleNeeds {
  const { notes, chords } = slot.phrase;
  const bassPitches = chords.map(bassPitchOf).filter((pitch): pitch is number => pitch !== undefined);
  return {
    lead: { instrument: mood?.instrument || AI_INSTRUMENTS.lead, pitches: reaching(notes.map((note) => note.pitch)) },
    chords: { instrument: AI_INSTRUMENTS.chords, pitches: reaching(chords.flatMap((chord) => chord.pitches)) },
    bass: { instrument: AI_INSTRUMENTS.bass, pitches: reaching(bassPitches) },
  };
}

export function grooveNeed(state: PlayerState): string | null {
  return state.drums === OFF ? null : state.drums;
}

export function ambienceNeed(state: PlayerState): string | null {
  return state.ambience === OFF ? null : state.ambience;
}

export function voiceNeed(state: PlayerState): VoiceNeed {
  if (state.quote === CUSTOM_QUOTE) return state.quoteText ? { spoken: state.quoteText } : null;
  return state.quote === OFF || state.quote === "" ? null : { asset: state.quote };
}

/** Everything a selection needs; `song` is the chosen song, loaded (null when the melody is not a song). */
export function selectionNeeds(selection: Selection, song: Song | null): SelectionNeeds {
  const { state, phrase, mood } = selection;
  const melody = song ? songNeeds(song) : state.melody === AI_MELODY && phrase ? phraseNeeds(phrase, mood) : null;
  return { groove: grooveNeed(state), ambience: ambienceNeed(state), voice: voiceNeed(state), melody };
}
