// The "timed" encoding: bars, positions on a sixteenth-and-triplet grid,
// pitches with durations, and a chord token wherever the harmony changes,
// between `start` and `end`. A model learns rhythm from it, and a generator
// steers it by forcing `pos_N chord_X` where each chord of a progression starts.
//
//   start bar meter_4/4 tempo_80 pos_0 chord_Dm7 pitch_50 dur_24 pitch_65 dur_12
//   pos_12 pitch_69 dur_12 pos_24 chord_G7 ... bar ... end
//
// The vocabulary and its reasons: docs/encodings.md, "Timed".
#pragma once

#include <string>
#include <vector>

#include "music/encoding.h"
#include "music/theory/chord_symbol.h"
#include "music/timed_piece.h"

namespace lofi::timed {

inline constexpr const char* kStartToken = "start";
inline constexpr const char* kEndToken = "end";
inline constexpr const char* kBarToken = "bar";

std::string meterToken(Meter meter);        // meter_3/4
std::string tempoToken(int bpm);            // tempo_80
std::string positionToken(int unitsIntoBar);  // pos_12: a quarter into the bar
std::string pitchToken(int midiNote);       // pitch_60
std::string durationToken(int units);       // dur_6: an eighth
// chord_Dbm7: the canonical symbol, spelled the lead-sheet way (C#m7 -> Dbm7).
std::string chordToken(const theory::ChordSymbol& chord);
std::string noChordToken();                 // chord_NC

// Every token but the chords, whose set is open: start, end, bar, each
// supported meter, tempo, position, pitch and duration.
std::vector<std::string> fixedVocabulary();

Tokens tokensFromPiece(const TimedPiece& piece);
// Throws std::invalid_argument naming the token, its index and what is wrong.
// A missing `end` is allowed (a fragment); bars with no tempo token keep the
// one before, the first takes `defaultBpm` as it is.
TimedPiece pieceFromTokens(const Tokens& tokens, double defaultBpm = 120.0);

}  // namespace lofi::timed

namespace lofi {

// MIDI -> scoreFromMidi -> TimedPiece -> tokens, and back. Every part but the
// drums is merged into one line of notes; decoding gives one part with the
// tempo, meters, and a marker per chord (so a decoded file keeps its chords).
class TimedEncoding : public Encoding {
 public:
  std::string name() const override { return "timed"; }
  Tokens encode(const midi::File& file) const override;
  Score decode(const Tokens& tokens, const DecodeOptions& options) const override;
};

}  // namespace lofi
