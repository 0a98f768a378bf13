// A piece on the timed grid: the plain data between a Score and timed tokens.
//
// Score -> TimedPiece quantises (onsets to sixteenths and triplets, lengths
// to the known set), merges every part but the drums into one, and finds
// the chords (the file's own chord labels, else detected from the notes).
// TimedPiece -> Score writes one part, with tempo, meter and a marker for
// each chord. Both directions are exact for a piece already on the grid.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "music/encoding.h"
#include "music/score.h"
#include "music/timed/timed_grid.h"

namespace lofi::timed {

struct TimedBar {
  Meter meter;
  double bpm = 120.0;  // quantised (quantiseBpm), but for a decoded bar that had no tempo token
  bool operator==(const TimedBar&) const = default;
};

struct TimedNote {
  std::int64_t onsetUnit = 0;  // from the start of the piece
  int durationUnits = 12;      // one of durationValues()
  int pitch = 60;
  bool operator==(const TimedNote&) const = default;
};

// A chord that starts sounding at `unit`: a canonical chord symbol spelled
// the lead-sheet way (Dbm7, F#7), or kNoChord.
struct TimedChord {
  std::int64_t unit = 0;
  std::string symbol;
  bool operator==(const TimedChord&) const = default;
};

inline constexpr const char* kNoChord = "NC";

struct TimedPiece {
  std::vector<TimedBar> bars;    // consecutive from unit 0
  std::vector<TimedNote> notes;  // sorted by onset, then pitch; one note per onset and pitch
  std::vector<TimedChord> chords;  // sorted by unit; each differs from the one before
  bool operator==(const TimedPiece&) const = default;
};

// Where each bar starts, in units.
std::vector<std::int64_t> barStarts(const TimedPiece& piece);

// Throws std::length_error if the notes reach past kMaxBars.
TimedPiece timedPieceFromScore(const Score& score);

// Ticks per quarter of decoded scores: 40 ticks to a unit.
inline constexpr int kDecodedTicksPerQuarter = 480;
// Uses options.program and options.velocity for the notes.
Score scoreFromTimedPiece(const TimedPiece& piece, const DecodeOptions& options);

}  // namespace lofi::timed
