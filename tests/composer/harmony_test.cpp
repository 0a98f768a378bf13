#include "music/composer/harmony.h"

#include <gtest/gtest.h>

#include <set>

#include "music/theory/roman_numeral.h"

namespace lofi::composer {
namespace {

TEST(Harmony, CoversThePieceWithoutGapsOrRepeats) {
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    SeededRandom random(seed);
    const bool minor = seed % 2 == 1;
    const theory::Scale key = theory::scaleFromKeySignature(static_cast<int>(seed % 12) - 5, minor);
    HarmonyOptions options;
    options.bars = seed % 3 == 0 ? 16 : 8;
    const Harmony harmony = composeHarmony(key, options, random);
    ASSERT_FALSE(harmony.changes.empty());
    EXPECT_EQ(harmony.changes.front().startStep, 0);
    EXPECT_EQ(harmony.changes.back().endStep, options.bars * kStepsPerBar);
    for (std::size_t i = 0; i < harmony.changes.size(); ++i) {
      const ChordChange& change = harmony.changes[i];
      EXPECT_LT(change.startStep, change.endStep);
      EXPECT_EQ(change.startStep % (2 * kStepsPerBeat), 0);  // on beat 1 or 3
      if (i > 0) {
        EXPECT_EQ(change.startStep, harmony.changes[i - 1].endStep);
        EXPECT_NE(change.chord, harmony.changes[i - 1].chord);  // a change is a change
      }
    }
    EXPECT_FALSE(harmony.progressions.empty());
  }
}

TEST(Harmony, LoopRepeatsAndResolvesAtTheEnd) {
  // I-vi-ii-V ends on V; its last bar resolves to the tonic.
  for (std::uint64_t seed = 0; seed < 400; ++seed) {
    SeededRandom random(seed);
    const theory::Scale key = theory::parseScale("C major");
    const Harmony harmony = composeHarmony(key, {8, 0, 0}, random);
    if (harmony.progressions.front() != "I-vi-ii-V") continue;
    std::vector<std::string> symbols;
    for (const ChordChange& change : harmony.changes) symbols.push_back(theory::toString(change.chord));
    EXPECT_EQ(symbols, (std::vector<std::string>{"Cmaj7", "Am7", "Dm7", "G7", "Cmaj7", "Am7", "Dm7", "Cmaj7"}));
    return;
  }
  FAIL() << "no I-vi-ii-V in 400 draws";
}

TEST(Harmony, AChordThatComesBackComesBackTheSame) {
  // i-iv-v-i: both i7 slots take one colour, so bars 4 and 5 are one change.
  int found = 0;
  for (std::uint64_t seed = 0; seed < 400 && found < 5; ++seed) {
    SeededRandom random(seed);
    const Harmony harmony = composeHarmony(theory::parseScale("D minor"), {8, 100, 0}, random);
    if (harmony.progressions.front() != "i-iv-v") continue;
    ++found;
    ASSERT_GE(harmony.changes.size(), 4u);
    EXPECT_EQ(harmony.changes[3].startStep, 3 * kStepsPerBar);
    EXPECT_EQ(harmony.changes[3].endStep, 5 * kStepsPerBar);
    EXPECT_EQ(harmony.changes[3].chord, harmony.changes[0].chord);
  }
  EXPECT_EQ(found, 5);
}

TEST(Harmony, SixteenBarsTakeABridgeWhenDrawn) {
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    SeededRandom random(seed);
    const Harmony harmony = composeHarmony(theory::parseScale("A minor"), {16, 60, 100}, random);
    ASSERT_EQ(harmony.progressions.size(), 2u);
    EXPECT_NE(harmony.progressions[0], harmony.progressions[1]);
  }
  // Eight bars never do, whatever the chance.
  SeededRandom random(1);
  EXPECT_EQ(composeHarmony(theory::parseScale("A minor"), {8, 60, 100}, random).progressions.size(), 1u);
}

TEST(Harmony, AtFindsTheSoundingChord) {
  SeededRandom random(3);
  const Harmony harmony = composeHarmony(theory::parseScale("D major"), {8, 50, 0}, random);
  for (const ChordChange& change : harmony.changes) {
    EXPECT_EQ(&harmony.at(change.startStep), &change);
    EXPECT_EQ(&harmony.at(change.endStep - 1), &change);
  }
  EXPECT_EQ(&harmony.at(100000), &harmony.changes.back());
}

TEST(Harmony, DoubleAccidentalRootsAreRespelled) {
  // bII of Ab major is Bbb by the letter; the label says A.
  for (std::uint64_t seed = 0; seed < 2000; ++seed) {
    SeededRandom random(seed);
    const Harmony harmony = composeHarmony(theory::parseScale("Ab major"), {8, 60, 0}, random);
    for (const ChordChange& change : harmony.changes) {
      EXPECT_LT(std::abs(change.chord.root.accidental), 2) << theory::toString(change.chord);
      if (harmony.progressions.front().find("tritone") != std::string::npos &&
          theory::rootPitchClass(change.chord) == 9) {
        EXPECT_EQ(theory::toString(change.chord), "A7#11");
        return;
      }
    }
  }
  FAIL() << "no tritone substitute in Ab major drawn";
}

}  // namespace
}  // namespace lofi::composer
