#include "music/classic/pitch_names.h"

#include <gtest/gtest.h>

namespace lofi {
namespace {

TEST(PitchNames, MiddleCIsC4AndOctavesTurnAtC) {
  EXPECT_EQ(pitchName(60), "C4");
  EXPECT_EQ(pitchName(59), "B3");
  EXPECT_EQ(pitchName(72), "C5");
  EXPECT_EQ(pitchName(69), "A4");
}

TEST(PitchNames, BlackKeysAreSpelledAsMusic21Does) {
  EXPECT_EQ(pitchName(61), "C#4");
  EXPECT_EQ(pitchName(63), "E-4");
  EXPECT_EQ(pitchName(66), "F#4");
  EXPECT_EQ(pitchName(68), "G#4");
  EXPECT_EQ(pitchName(70), "B-4");
}

TEST(PitchNames, LowestAndHighestMidiNumbers) {
  EXPECT_EQ(pitchName(0), "C-1");
  EXPECT_EQ(pitchName(3), "E--1");
  EXPECT_EQ(pitchName(127), "G9");
}

TEST(PitchNames, PitchClassWrapsNegativeNumbers) {
  EXPECT_EQ(pitchClass(60), 0);
  EXPECT_EQ(pitchClass(71), 11);
  EXPECT_EQ(pitchClass(-1), 11);
  EXPECT_EQ(pitchClass(-12), 0);
}

}  // namespace
}  // namespace lofi
