// The keyboard part: each chord voiced (drop-2, rootless or close, led
// smoothly from the one before by theory's voicing) and played in one of the
// comping styles of lo-fi piano.
#pragma once

#include <string>
#include <vector>

#include "music/composer/dynamics.h"
#include "music/composer/harmony.h"
#include "music/composer/random.h"
#include "music/composer/time_grid.h"
#include "music/theory/voicing.h"

namespace lofi::composer {

enum class CompingStyle {
  ArpeggioIntoBlock,  // sixteenths up the voicing, then the whole chord (straight pieces)
  SwungEighths,       // short chord stabs on a swung eighth-note rhythm (swung pieces)
  HeldPads,           // each chord held for as long as it lasts
  Anticipations,      // each new chord struck an eighth before its bar line, then held
};

std::string compingStyleName(CompingStyle style);

struct CompingOptions {
  CompingStyle style = CompingStyle::HeldPads;
  theory::VoicingStyle voicing = theory::VoicingStyle::Drop2;
  int maxVoices = 4;
  int lowest = 50;   // register of the voicings (MIDI numbers)
  int highest = 76;
  bool swing = false;
  int pattern = 0;   // which arpeggio figure or stab rhythm (any integer; taken modulo the choices)
  Dynamics dynamics{60, 6, 4};
};

// The chords' voicings in order: the first nearest the middle of the
// register, each next one moving as little as it can.
std::vector<std::vector<int>> voiceHarmony(const Harmony& harmony, const CompingOptions& options);

std::vector<StepNote> compChords(const Harmony& harmony, const CompingOptions& options, SeededRandom& random);

}  // namespace lofi::composer
