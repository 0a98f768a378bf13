#include "music/composer/harmony.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "music/composer/chord_colour.h"
#include "music/composer/key_choice.h"
#include "music/theory/roman_numeral.h"

namespace lofi::composer {
namespace {

// The bII of Ab major is Bbb by the letter; a chart writes A. Roots with a
// double accidental are respelled, sharp or flat as the key signature leans.
theory::ChordSymbol plainlySpelled(const theory::ChordSymbol& chord, const theory::Scale& key) {
  const auto doubled = [](const theory::NoteName& name) { return name.accidental <= -2 || name.accidental >= 2; };
  if (!doubled(chord.root) && !(chord.bass && doubled(*chord.bass))) return chord;
  const bool sharpKey = keySignatureOf(key).sharps > 0;
  return theory::respelled(chord, sharpKey ? theory::Spelling::Sharps : theory::Spelling::Flats);
}

struct ColouredLoop {
  std::vector<theory::ChordSymbol> chords;
  std::vector<int> steps;
  int lengthSteps = 0;
};

// Each numeral is coloured once, so the loop sounds the same every time
// round, as a sampled lo-fi loop does, and a chord that comes back (the i7 of
// i-iv-v-i) comes back the same.
ColouredLoop colourLoop(const ProgressionTemplate& progression, const theory::Scale& key, int percent,
                        SeededRandom& random) {
  ColouredLoop loop;
  std::map<std::string, theory::ChordSymbol> coloured;
  for (const ChordSlot& slot : progression.loop) {
    auto known = coloured.find(slot.numeral);
    if (known == coloured.end()) {
      const theory::ChordSymbol base = plainlySpelled(theory::parseRomanNumeral(slot.numeral, key), key);
      known = coloured.emplace(slot.numeral, colourChord(base, key, percent, random)).first;
    }
    loop.chords.push_back(known->second);
    loop.steps.push_back(slot.beats * kStepsPerBeat);
    loop.lengthSteps += slot.beats * kStepsPerBeat;
  }
  return loop;
}

void appendChord(std::vector<ChordChange>& changes, int startStep, int endStep, const theory::ChordSymbol& chord) {
  if (!changes.empty() && changes.back().chord == chord && changes.back().endStep == startStep) {
    changes.back().endStep = endStep;  // the same chord again is no change
    return;
  }
  changes.push_back({startStep, endStep, chord});
}

// Repeats the loop over [fromStep, toStep).
void fillWithLoop(std::vector<ChordChange>& changes, const ColouredLoop& loop, int fromStep, int toStep) {
  for (int start = fromStep; start < toStep;) {
    for (std::size_t i = 0; i < loop.chords.size() && start < toStep; ++i) {
      const int end = std::min(toStep, start + loop.steps[i]);
      appendChord(changes, start, end, loop.chords[i]);
      start = end;
    }
  }
}

// The last bar holds the ending chord, replacing whatever the loop had there.
void resolveLastBar(std::vector<ChordChange>& changes, const theory::ChordSymbol& ending, int totalSteps) {
  const int lastBar = totalSteps - kStepsPerBar;
  while (!changes.empty() && changes.back().startStep >= lastBar) changes.pop_back();
  if (!changes.empty()) changes.back().endStep = std::min(changes.back().endStep, lastBar);
  appendChord(changes, lastBar, totalSteps, ending);
}

}  // namespace

const ChordChange& Harmony::at(int step) const {
  if (changes.empty()) throw std::logic_error("Harmony::at: no chords");
  for (const ChordChange& change : changes)
    if (step < change.endStep) return change;
  return changes.back();
}

Harmony composeHarmony(const theory::Scale& key, const HarmonyOptions& options, SeededRandom& random) {
  if (options.bars <= 0 || options.bars % 4 != 0) throw std::invalid_argument("harmony needs a whole number of 4-bar phrases");
  const bool minor = key.mode == theory::Mode::NaturalMinor;
  Harmony harmony;
  harmony.key = key;
  harmony.bars = options.bars;
  const int totalSteps = options.bars * kStepsPerBar;

  const ProgressionTemplate& main = chooseProgression(random, minor);
  harmony.progressions.push_back(main.name);
  const ColouredLoop mainLoop = colourLoop(main, key, options.colourPercent, random);

  const bool contrast = options.bars >= 16 && random.chancePercent(options.contrastPercent);
  if (contrast) {
    // Bars 9-12 take another loop; bars 13-16 bring the main loop back.
    const ProgressionTemplate& bridge = chooseProgression(random, minor, &main);
    harmony.progressions.push_back(bridge.name);
    const ColouredLoop bridgeLoop = colourLoop(bridge, key, options.colourPercent, random);
    const int bridgeStart = 8 * kStepsPerBar;
    const int bridgeEnd = 12 * kStepsPerBar;
    fillWithLoop(harmony.changes, mainLoop, 0, bridgeStart);
    fillWithLoop(harmony.changes, bridgeLoop, bridgeStart, bridgeEnd);
    fillWithLoop(harmony.changes, mainLoop, bridgeEnd, totalSteps);
  } else {
    fillWithLoop(harmony.changes, mainLoop, 0, totalSteps);
  }

  if (!main.ending.empty()) {
    const theory::ChordSymbol ending =
        colourChord(plainlySpelled(theory::parseRomanNumeral(main.ending, key), key), key, options.colourPercent, random);
    resolveLastBar(harmony.changes, ending, totalSteps);
  }
  return harmony;
}

}  // namespace lofi::composer
