// Roman-numeral progressions (ii7 V7 Imaj7, i7 iv7 bVIImaj7) in any key,
// to chord symbols and back.
//
// Numerals count from the major scale of the key's tonic, as jazz and pop
// charts write them: in C minor the chord on Eb is bIII and the one on Bb is
// bVII. Upper case is a major triad, lower case a minor one; the rest is read
// as a chord symbol suffix (7, maj7, ø7, °7, +, sus4, 6/9, b9...), so I6 is a
// C6 chord, not a first inversion. V7/V is an applied chord: V7 of the key of
// V. A slash and a note name is a bass: I/E.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "music/theory/chord_symbol.h"
#include "music/theory/scale.h"

namespace lofi::theory {

// Throws SymbolError naming the numeral and what could not be read.
ChordSymbol parseRomanNumeral(std::string_view numeral, const Scale& key);

// Numerals separated by spaces, commas or bars ("ii7 | V7 | Imaj7").
std::vector<ChordSymbol> parseRomanProgression(std::string_view progression, const Scale& key);

// The numeral of a chord in a key; parseRomanNumeral(romanNumeral(c, k), k) == c.
std::string romanNumeral(const ChordSymbol& chord, const Scale& key);

}  // namespace lofi::theory
