// The chord progressions the composer draws from: a weighted set of loops
// typical of lo-fi hip hop and jazz, written as roman numerals so that one
// table serves all twelve keys.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "music/composer/random.h"

namespace lofi::composer {

struct ChordSlot {
  std::string numeral;  // read by theory::parseRomanNumeral in the piece's key
  int beats = 4;
};

struct ProgressionTemplate {
  std::string name;   // "ii-V-I", "i-bVI-bIII-bVII"...
  bool minor = false;  // the key it is written for
  int weight = 1;      // how often it is drawn among the templates of its mode
  std::vector<ChordSlot> loop;  // one cycle: 2 or 4 bars of 4/4
  // The chord the piece's last bar resolves to, if the loop does not end at
  // rest ("" keeps the loop's own last chord).
  std::string ending;

  int bars() const;
};

// Every template, major and minor.
std::span<const ProgressionTemplate> progressionTemplates();

// A template of the mode, by weight; `except` (if given) is never drawn, so a
// contrasting section differs from the main loop.
const ProgressionTemplate& chooseProgression(SeededRandom& random, bool minor, const ProgressionTemplate* except = nullptr);

}  // namespace lofi::composer
