#include "music/composer/melody_pitch.h"

#include <gtest/gtest.h>

namespace lofi::composer {
namespace {

theory::ChordSymbol chord(const char* symbol) { return theory::parseChordSymbol(symbol); }

TEST(MelodyPitch, StableTonesLeaveOutUpperExtensions) {
  EXPECT_EQ(stableTones(chord("Cmaj7")), (std::vector<int>{0, 4, 7, 11}));
  EXPECT_EQ(stableTones(chord("Dm9")), (std::vector<int>{0, 2, 4, 5, 9}));      // D F A C E
  EXPECT_EQ(stableTones(chord("Dm11")), (std::vector<int>{0, 2, 4, 5, 9}));     // not the G
  EXPECT_EQ(stableTones(chord("G13")), (std::vector<int>{2, 5, 7, 9, 11}));     // G B D F A, not the E
  EXPECT_EQ(stableTones(chord("G7b9")), (std::vector<int>{2, 5, 7, 11}));       // not the Ab
  EXPECT_EQ(stableTones(chord("C6/9")), (std::vector<int>{0, 2, 4, 7, 9}));
}

TEST(MelodyPitch, LandingTonesPreferTheKey) {
  const theory::Scale cMajor = theory::parseScale("C major");
  EXPECT_EQ(landingTones(chord("Dm7"), cMajor), (std::vector<int>{0, 2, 5, 9}));
  // Db7: only F and Cb (B) lie in C major: the tritone it shares with G7.
  EXPECT_EQ(landingTones(chord("Db7"), cMajor), (std::vector<int>{5, 11}));
  // G7 in C minor: the B is left to the weak beats.
  EXPECT_EQ(landingTones(chord("G7"), theory::parseScale("C minor")), (std::vector<int>{2, 5, 7}));
}

TEST(MelodyPitch, ChordScaleBendsTheKeyToAChromaticChord) {
  const theory::Scale cMajor = theory::parseScale("C major");
  EXPECT_EQ(chordScale(chord("Dm7"), cMajor), (std::vector<int>{0, 2, 4, 5, 7, 9, 11}));  // diatonic: the key itself
  // Fm6 in C: Ab joins, A (a semitone above it) leaves, G (its ninth) stays.
  EXPECT_EQ(chordScale(chord("Fm6"), cMajor), (std::vector<int>{0, 2, 4, 5, 7, 8, 11}));
  // Bb7 in Eb minor: D joins, Eb leaves, Db (a blue #9) stays.
  const std::vector<int> overDominant = chordScale(chord("Bb7"), theory::parseScale("Eb minor"));
  EXPECT_TRUE(holds(overDominant, 2));
  EXPECT_FALSE(holds(overDominant, 3));
  EXPECT_TRUE(holds(overDominant, 1));
}

TEST(MelodyPitch, NearestInPrefersTheGivenDirectionOnTies) {
  const std::vector<int> cTriad = {0, 4, 7};
  EXPECT_EQ(nearestIn(64, cTriad), 64);
  EXPECT_EQ(nearestIn(65, cTriad), 64);
  EXPECT_EQ(nearestIn(62, cTriad, 1), 64);   // D: C and E both two away
  EXPECT_EQ(nearestIn(62, cTriad, -1), 60);
  EXPECT_THROW(nearestIn(60, {}), std::invalid_argument);
}

TEST(MelodyPitch, StepThroughCountsScaleSteps) {
  const std::vector<int> cMajor = {0, 2, 4, 5, 7, 9, 11};
  EXPECT_EQ(stepThrough(60, 1, cMajor), 62);
  EXPECT_EQ(stepThrough(60, 7, cMajor), 72);
  EXPECT_EQ(stepThrough(60, -2, cMajor), 57);
  EXPECT_EQ(stepThrough(61, 1, cMajor), 62);  // C# counts to D first
  EXPECT_EQ(stepThrough(61, 0, cMajor), 62);  // nearest, upward on a tie
}

}  // namespace
}  // namespace lofi::composer
