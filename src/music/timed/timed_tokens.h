// The timed encoding's tokens, read and written in this one place: what each
// token is (start, end, bar, meter_N/D, tempo_N, pos_N, chord_X, pitch_N,
// dur_N) and its value. The reader, the transposer and the model's grammar
// all read tokens through parseToken.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "music/theory/chord_symbol.h"
#include "music/timed/timed_grid.h"
#include "music/timed/timed_piece.h"  // kNoChord

namespace lofi::timed {

inline constexpr const char* kStartToken = "start";
inline constexpr const char* kEndToken = "end";
inline constexpr const char* kBarToken = "bar";

struct TimedToken {
  enum class Kind { Start, End, Bar, Meter, Tempo, Position, Chord, Pitch, Duration };
  Kind kind = Kind::Start;
  // Tempo: BPM; Position: units into the bar; Pitch: MIDI number;
  // Duration: units; Meter: units per bar.
  int value = 0;
  Meter meter;             // Meter
  std::string_view chord;  // Chord: the symbol after "chord_", not yet checked ("NC" for none)
};

// What `token` is. Throws std::invalid_argument saying why it is not a timed
// token ("unknown token: positions are multiples of 3 or 4 below 96"...).
// A chord's symbol is returned unread: theory::parseChordSymbol checks it.
TimedToken parseToken(std::string_view token);
// nullopt instead of throwing.
std::optional<TimedToken> tryParseToken(std::string_view token);

std::string meterToken(Meter meter);          // meter_3/4
std::string tempoToken(int bpm);              // tempo_80
std::string positionToken(int unitsIntoBar);  // pos_12: a quarter into the bar
std::string pitchToken(int midiNote);         // pitch_60
std::string durationToken(int units);         // dur_6: an eighth
// chord_Dbm7: the canonical symbol, spelled the lead-sheet way (C#m7 -> Dbm7).
std::string chordToken(const theory::ChordSymbol& chord);
std::string chordToken(std::string_view canonicalSymbol);
std::string noChordToken();                   // chord_NC

// Every token but the chords, whose set is open: start, end, bar, each
// supported meter, tempo, position, pitch and duration.
std::vector<std::string> fixedVocabulary();

}  // namespace lofi::timed
