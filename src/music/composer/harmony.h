// The chords of a whole piece: a progression loop in the piece's key,
// coloured once and repeated over the form, with an optional contrasting
// section in 16-bar pieces and a resolving last bar.
#pragma once

#include <string>
#include <vector>

#include "music/composer/progression.h"
#include "music/composer/random.h"
#include "music/composer/time_grid.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/scale.h"

namespace lofi::composer {

struct ChordChange {
  int startStep = 0;
  int endStep = 0;  // exclusive
  theory::ChordSymbol chord;
};

struct Harmony {
  theory::Scale key;
  int bars = 8;
  std::vector<ChordChange> changes;  // cover bars * 16 steps; neighbours always differ
  std::vector<std::string> progressions;  // the template names used, main loop first

  // The chord sounding at `step` (clamped into the piece).
  const ChordChange& at(int step) const;
};

struct HarmonyOptions {
  int bars = 8;                // 8 or 16
  int colourPercent = 60;      // how often a seventh chord becomes a 9th, 11th, 13th...
  int contrastPercent = 35;    // chance that a 16-bar piece takes another loop in bars 9-12
};

Harmony composeHarmony(const theory::Scale& key, const HarmonyOptions& options, SeededRandom& random);

}  // namespace lofi::composer
