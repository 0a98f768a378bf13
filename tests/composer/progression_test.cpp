#include "music/composer/progression.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "music/theory/roman_numeral.h"

namespace lofi::composer {
namespace {

TEST(Progression, EveryTemplateReadsInAllTwelveKeys) {
  for (const ProgressionTemplate& progression : progressionTemplates()) {
    for (int sharps = -6; sharps <= 6; ++sharps) {
      const theory::Scale key = theory::scaleFromKeySignature(sharps, progression.minor);
      for (const ChordSlot& slot : progression.loop)
        EXPECT_NO_THROW(theory::parseRomanNumeral(slot.numeral, key)) << progression.name << " " << slot.numeral;
      if (!progression.ending.empty()) {
        EXPECT_NO_THROW(theory::parseRomanNumeral(progression.ending, key));
      }
    }
  }
}

TEST(Progression, LoopsAreTwoOrFourBarsWithPositiveWeights) {
  for (const ProgressionTemplate& progression : progressionTemplates()) {
    int beats = 0;
    for (const ChordSlot& slot : progression.loop) {
      EXPECT_TRUE(slot.beats == 2 || slot.beats == 4 || slot.beats == 8) << progression.name;
      beats += slot.beats;
    }
    EXPECT_TRUE(beats == 8 || beats == 16) << progression.name;
    EXPECT_EQ(progression.bars(), beats / 4);
    EXPECT_GT(progression.weight, 0);
  }
}

TEST(Progression, HoldsTheFamiliesOfLoFiHarmony) {
  // The set the corpus must teach: ii-V-I, I-vi-ii-V, IVmaj7-iii7-vi7, minor
  // i-iv-v, a borrowed iv, tritone substitutes, two- and four-chord vamps.
  const auto numeralsOf = [](const ProgressionTemplate& progression) {
    std::string text;
    for (const ChordSlot& slot : progression.loop) text += slot.numeral + " ";
    return text;
  };
  std::set<std::string> loops;
  int vamps = 0, fourChord = 0;
  for (const ProgressionTemplate& progression : progressionTemplates()) {
    loops.insert(numeralsOf(progression));
    if (progression.loop.size() == 2) ++vamps;
    if (progression.loop.size() == 4) ++fourChord;
  }
  EXPECT_TRUE(loops.count("ii7 V7 Imaj7 "));
  EXPECT_TRUE(loops.count("Imaj7 vi7 ii7 V7 "));
  EXPECT_TRUE(loops.count("IVmaj7 iii7 vi7 "));
  EXPECT_TRUE(loops.count("i7 iv7 v7 i7 "));
  EXPECT_TRUE(loops.count("IVmaj7 iv6 Imaj7 "));
  EXPECT_TRUE(loops.count("IVmaj7 iii7 ii7 bII7#11 Imaj7 "));
  EXPECT_GE(vamps, 4);
  EXPECT_GE(fourChord, 8);
}

TEST(Progression, ChoiceFollowsWeightsAndMode) {
  SeededRandom random(9);
  std::map<std::string, int> counts;
  for (int i = 0; i < 3000; ++i) {
    const ProgressionTemplate& chosen = chooseProgression(random, false);
    EXPECT_FALSE(chosen.minor);
    ++counts[chosen.name];
  }
  int majorTemplates = 0;
  for (const ProgressionTemplate& progression : progressionTemplates()) majorTemplates += !progression.minor;
  EXPECT_EQ(static_cast<int>(counts.size()), majorTemplates);  // every one is drawn
  // I-vi-ii-V (weight 14) comes far more often than the rarest tritone loop (weight 3).
  EXPECT_GT(counts["I-vi-ii-V"], 3 * counts["iii-vi-ii-bII-I tritone"]);
}

TEST(Progression, ExceptIsNeverChosen) {
  SeededRandom random(4);
  const ProgressionTemplate& first = chooseProgression(random, true);
  for (int i = 0; i < 300; ++i) EXPECT_NE(&chooseProgression(random, true, &first), &first);
}

}  // namespace
}  // namespace lofi::composer
