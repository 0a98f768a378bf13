// The bass: roots on the chord changes, and between them the fifth, the
// octave, chord tones and approach notes into the next root, in one of three
// styles.
#pragma once

#include <string>
#include <vector>

#include "music/composer/dynamics.h"
#include "music/composer/harmony.h"
#include "music/composer/random.h"
#include "music/composer/time_grid.h"

namespace lofi::composer {

enum class BassStyle {
  Sustained,  // the root held, with the fifth or octave late in long bars
  HipHop,     // a syncopated figure around the root, an approach note into each change
  Walking,    // quarter notes through chord tones to a chromatic or scale approach (swung pieces)
};

std::string bassStyleName(BassStyle style);

struct BassOptions {
  BassStyle style = BassStyle::HipHop;
  int lowest = 28;   // E1, the open E string
  int highest = 52;  // E3
  bool swing = false;
  int pattern = 0;   // which hip hop figure (taken modulo the choices)
  Dynamics dynamics{84, 8, 5};
};

std::vector<StepNote> composeBass(const Harmony& harmony, const BassOptions& options, SeededRandom& random);

}  // namespace lofi::composer
