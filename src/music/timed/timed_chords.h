// The chords of a timed piece: read from the file's chord labels, or, when
// it has none, named from the notes that sound in each half bar.
#pragma once

#include <string>
#include <vector>

#include "music/timed/timed_piece.h"

namespace lofi::timed {

// The chord symbol a text or marker label holds ("Cm7", "chord: Cm7",
// "N.C."), canonical and lead-sheet spelled (C#m7 -> Dbm7), kNoChord for
// no chord, or "" if the text is not a chord symbol ("By J. Smith").
std::string chordLabelSymbol(const std::string& text);

// How well chords fit the notes: the share of note length (from the first
// chord on, outside no-chord stretches) whose pitch class is a tone of the
// chord sounding at the note's onset. 1 when no note is counted.
double chordFit(const TimedPiece& piece);

// Labels fitting worse than this are not chord labels (rehearsal letters
// "A", "B" read as chords, for one); real ones fit far better.
inline constexpr double kMinimumLabelFit = 0.5;

// Chords named from the piece's notes: one window per half bar (a whole bar
// for odd meters and bars shorter than 4/4), each note weighing its length
// inside the window, the lowest note held a sixteenth or more as the bass.
// Triads and seventh chords, without slash basses. The chord before stays
// (no token) through a window with nothing nameable (a lone melody), one
// whose sounding notes all belong to it (the left hand alone), and one it
// explains almost as well as the best name: harmony changes, not voicing.
std::vector<TimedChord> detectChords(const TimedPiece& piece);

}  // namespace lofi::timed
