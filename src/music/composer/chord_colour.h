// Colouring a plain seventh chord into the extended chords of lo-fi and jazz
// (maj9, 6/9, m9, m11, 9, 13, 9sus4, 7b9, maj7#11, 7#11), keeping every
// added tone inside the key so that the colour never clashes with the melody.
#pragma once

#include <vector>

#include "music/composer/random.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/scale.h"

namespace lofi::composer {

struct ColouredChord {
  theory::ChordSymbol chord;
  int weight = 1;
};

// The richer versions of `base` whose added tones lie in `key` (the base's own
// tones may lie outside it: a borrowed or substitute chord keeps them).
std::vector<ColouredChord> colourings(const theory::ChordSymbol& base, const theory::Scale& key);

// `base` itself, or one of its colourings: `percent` is how often a chord is coloured.
theory::ChordSymbol colourChord(const theory::ChordSymbol& base, const theory::Scale& key, int percent,
                                SeededRandom& random);

}  // namespace lofi::composer
