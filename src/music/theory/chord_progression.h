// A progression typed as chord symbols, one per bar ("Dm9 G13 | Cmaj9
// A7b9"), played round and round; and where each chord falls over a track.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "music/theory/chord_symbol.h"

namespace lofi::theory {

struct ChordProgression {
  std::vector<ChordSymbol> chords;
  double quartersPerChord = 4;  // one bar of 4/4 each, then round again

  // The canonical symbols ("Dm9"), in order.
  std::vector<std::string> symbols() const;
};

// Chord symbols separated by spaces or bars. Throws SymbolError naming the
// symbol that cannot be read, std::invalid_argument when there is none.
ChordProgression parseChordProgression(std::string_view text);

// The canonical symbols joined by spaces: "Dm9 G13 Cmaj9 A7b9".
std::string toString(const ChordProgression& progression);

}  // namespace lofi::theory
