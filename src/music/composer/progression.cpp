#include "music/composer/progression.h"

#include <stdexcept>

namespace lofi::composer {
namespace {

// Numerals count from the major scale of the tonic (bVI, bVII in minor), and
// the suffix is a chord symbol's: 7 and maj7 here, coloured later to 9, 11, 13.
// Weights favour the loops lo-fi producers reach for most; the chromatic ones
// (borrowed iv, tritone substitutes, the minor-key V7) stay rarer and last
// two beats where they can, because each outside note pulls the piece away
// from its scale. The tritone substitutes ride a bass line falling by
// semitones into the tonic (F E D Db C), and take the #11 that keeps their
// upper tones (F G B over Db) inside the key.
const std::vector<ProgressionTemplate>& templates() {
  static const std::vector<ProgressionTemplate> all = {
      // Major keys.
      {"I-vi-ii-V", false, 14, {{"Imaj7", 4}, {"vi7", 4}, {"ii7", 4}, {"V7", 4}}, "Imaj7"},
      {"ii-V-I", false, 12, {{"ii7", 4}, {"V7", 4}, {"Imaj7", 8}}, ""},
      {"IV-iii-vi", false, 10, {{"IVmaj7", 4}, {"iii7", 4}, {"vi7", 8}}, ""},
      {"IV-V-iii-vi", false, 8, {{"IVmaj7", 4}, {"V7", 4}, {"iii7", 4}, {"vi7", 4}}, ""},
      {"ii-V-I-vi", false, 8, {{"ii7", 4}, {"V7", 4}, {"Imaj7", 4}, {"vi7", 4}}, ""},
      {"I-IV-iii-vi", false, 6, {{"Imaj7", 4}, {"IVmaj7", 4}, {"iii7", 4}, {"vi7", 4}}, ""},
      {"iii-vi-ii-V", false, 6, {{"iii7", 4}, {"vi7", 4}, {"ii7", 4}, {"V7", 4}}, "Imaj7"},
      {"I-vi-ii-V two-beat", false, 5, {{"Imaj7", 2}, {"vi7", 2}, {"ii7", 2}, {"V7", 2}}, "Imaj7"},
      {"IV-I vamp", false, 6, {{"IVmaj7", 4}, {"Imaj7", 4}}, ""},
      {"I-IV vamp", false, 6, {{"Imaj7", 4}, {"IVmaj7", 4}}, ""},
      {"ii-V vamp", false, 5, {{"ii7", 4}, {"V7", 4}}, "Imaj7"},
      {"I-ii vamp", false, 4, {{"Imaj7", 4}, {"ii7", 4}}, ""},
      {"IV-iv-I borrowed", false, 5, {{"IVmaj7", 4}, {"iv6", 4}, {"Imaj7", 8}}, ""},
      {"I-vi-IV-iv borrowed", false, 5, {{"Imaj7", 4}, {"vi7", 4}, {"IVmaj7", 4}, {"iv6", 4}}, "Imaj7"},
      {"IV-iii-ii-bII-I tritone", false, 4, {{"IVmaj7", 4}, {"iii7", 4}, {"ii7", 2}, {"bII7#11", 2}, {"Imaj7", 4}}, ""},
      {"iii-vi-ii-bII-I tritone", false, 3, {{"iii7", 4}, {"vi7", 4}, {"ii7", 2}, {"bII7#11", 2}, {"Imaj7", 4}}, ""},
      // Minor keys.
      {"i-bVI-bIII-bVII", true, 12, {{"i7", 4}, {"bVImaj7", 4}, {"bIIImaj7", 4}, {"bVII7", 4}}, "i7"},
      {"i-iv-v", true, 10, {{"i7", 4}, {"iv7", 4}, {"v7", 4}, {"i7", 4}}, ""},
      {"i-iv vamp", true, 10, {{"i7", 4}, {"iv7", 4}}, "i7"},
      {"bVI-bVII-i", true, 8, {{"bVImaj7", 4}, {"bVII7", 4}, {"i7", 8}}, ""},
      {"minor ii-V-i", true, 7, {{"iiø7", 2}, {"V7", 2}, {"i7", 8}, {"iv7", 4}}, "i7"},
      {"iv-bVII-bIII-bVI", true, 6, {{"iv7", 4}, {"bVII7", 4}, {"bIIImaj7", 4}, {"bVImaj7", 4}}, "i7"},
      {"i-bVII-bVI-v", true, 6, {{"i7", 4}, {"bVII7", 4}, {"bVImaj7", 4}, {"v7", 4}}, "i7"},
      {"i-bVI vamp", true, 6, {{"i7", 4}, {"bVImaj7", 4}}, "i7"},
      {"i-IV dorian vamp", true, 5, {{"i7", 4}, {"IV7", 4}}, "i7"},
      {"i-v vamp", true, 4, {{"i7", 4}, {"v7", 4}}, "i7"},
      {"iv-bIII-ii-bII-i tritone", true, 3, {{"iv7", 4}, {"bIIImaj7", 4}, {"iiø7", 2}, {"bII7#11", 2}, {"i7", 4}}, ""},
  };
  return all;
}

}  // namespace

int ProgressionTemplate::bars() const {
  int beats = 0;
  for (const ChordSlot& slot : loop) beats += slot.beats;
  return beats / 4;
}

std::span<const ProgressionTemplate> progressionTemplates() { return templates(); }

const ProgressionTemplate& chooseProgression(SeededRandom& random, bool minor, const ProgressionTemplate* except) {
  std::vector<const ProgressionTemplate*> candidates;
  std::vector<int> weights;
  for (const ProgressionTemplate& candidate : templates()) {
    if (candidate.minor != minor || &candidate == except) continue;
    candidates.push_back(&candidate);
    weights.push_back(candidate.weight);
  }
  if (candidates.empty()) throw std::logic_error("no progression template to choose from");
  return *candidates[random.weighted(weights)];
}

}  // namespace lofi::composer
