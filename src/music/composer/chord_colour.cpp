#include "music/composer/chord_colour.h"

#include <algorithm>

namespace lofi::composer {
namespace {

using theory::Alteration;
using theory::ChordSymbol;
using theory::Seventh;
using theory::Triad;

ChordSymbol withExtensions(ChordSymbol chord, std::vector<int> added) {
  for (int degree : added) chord.extensions.push_back(degree);
  std::sort(chord.extensions.begin(), chord.extensions.end());
  chord.extensions.erase(std::unique(chord.extensions.begin(), chord.extensions.end()), chord.extensions.end());
  return chord;
}

ChordSymbol withAlteration(ChordSymbol chord, Alteration alteration) {
  if (std::find(chord.alterations.begin(), chord.alterations.end(), alteration) != chord.alterations.end()) return chord;
  chord.alterations.push_back(alteration);
  std::sort(chord.alterations.begin(), chord.alterations.end());
  return chord;
}

bool isDominant(const ChordSymbol& chord) { return chord.triad == Triad::Major && chord.seventh == Seventh::Minor; }

// Every colouring the chord's quality allows, before checking it against the key.
std::vector<ColouredChord> candidatesFor(const ChordSymbol& base, const theory::Scale& key) {
  std::vector<ColouredChord> candidates;
  if (base.triad == Triad::Major && base.seventh == Seventh::Major) {
    candidates.push_back({withExtensions(base, {9}), 6});  // maj9
    ChordSymbol sixNine = base;
    sixNine.seventh = Seventh::None;
    candidates.push_back({withExtensions(sixNine, {6, 9}), 2});  // 6/9
    candidates.push_back({withAlteration(base, Alteration::Sharp11), 2});  // maj7#11, the lydian IV
  } else if (base.triad == Triad::Minor && base.seventh == Seventh::Minor) {
    candidates.push_back({withExtensions(base, {9}), 6});      // m9
    candidates.push_back({withExtensions(base, {9, 11}), 3});  // m11
  } else if (isDominant(base)) {
    candidates.push_back({withExtensions(base, {9}), 5});      // 9
    candidates.push_back({withExtensions(base, {9, 13}), 3});  // 13
    ChordSymbol suspended = withExtensions(base, {9});
    suspended.triad = Triad::Sus4;
    candidates.push_back({suspended, 2});  // 9sus4
    candidates.push_back({withAlteration(base, Alteration::Sharp11), 1});  // 7#11, the tritone substitute's colour
    // The b9 belongs on the dominant of the key (V7b9 in minor), not on every dominant.
    if (theory::rootPitchClass(base) == theory::degreePitchClass(key, 5))
      candidates.push_back({withAlteration(base, Alteration::Flat9), 4});
  } else if (base.seventh == Seventh::None && !base.extensions.empty()) {
    candidates.push_back({withExtensions(base, {9}), 3});  // 6 -> 6/9, m6 -> m6/9
  }
  return candidates;
}

}  // namespace

std::vector<ColouredChord> colourings(const ChordSymbol& base, const theory::Scale& key) {
  const std::vector<int> baseTones = theory::pitchClasses(base);
  std::vector<ColouredChord> fitting;
  for (ColouredChord& candidate : candidatesFor(base, key)) {
    if (candidate.chord == base) continue;
    const std::vector<int> tones = theory::pitchClasses(candidate.chord);
    const bool fits = std::all_of(tones.begin(), tones.end(), [&](int pitchClass) {
      return theory::contains(key, pitchClass) ||
             std::find(baseTones.begin(), baseTones.end(), pitchClass) != baseTones.end();
    });
    if (fits) fitting.push_back(std::move(candidate));
  }
  return fitting;
}

ChordSymbol colourChord(const ChordSymbol& base, const theory::Scale& key, int percent, SeededRandom& random) {
  const std::vector<ColouredChord> options = colourings(base, key);
  if (options.empty() || !random.chancePercent(percent)) return base;
  std::vector<int> weights;
  for (const ColouredChord& option : options) weights.push_back(option.weight);
  return options[random.weighted(weights)].chord;
}

}  // namespace lofi::composer
