#include "audio/levels.h"

#include <gtest/gtest.h>

#include "audio_test_signals.h"

namespace lofi {
namespace {

TEST(Levels, PeakAndRmsOfASine) {
  const AudioBuffer tone = test::sine(1000, 1.0, 0.5);
  EXPECT_NEAR(peakDbfs(tone), -6.02, 0.05);
  EXPECT_NEAR(rmsDbfs(tone), -9.03, 0.05);
}

TEST(Levels, SilenceMeasuresAsSilence) {
  const AudioBuffer silence(44100, 2, 44100);
  EXPECT_EQ(peakDbfs(silence), kSilenceDb);
  EXPECT_EQ(integratedLoudness(silence), kSilenceDb);
}

// BS.1770's reference: a 0 dBFS 1 kHz sine in one channel reads -3.01 LUFS.
TEST(Levels, LoudnessOfTheReferenceTone) {
  const AudioBuffer tone = test::sine(1000, 3.0, 1.0);
  EXPECT_NEAR(integratedLoudness(tone), -3.01, 0.2);
}

TEST(Levels, KWeightingFavoursHighFrequencies) {
  EXPECT_GT(integratedLoudness(test::sine(4000, 1.0, 0.5)), integratedLoudness(test::sine(100, 1.0, 0.5)) + 2.0);
}

TEST(Levels, NormalizeReachesTheTarget) {
  AudioBuffer tone = test::sine(1000, 2.0, 0.05);
  const NormalizeResult result = normalizeLoudness(tone, -20.0, -1.0);
  EXPECT_FALSE(result.limitedByPeak);
  EXPECT_NEAR(integratedLoudness(tone), -20.0, 0.1);
}

TEST(Levels, NormalizeNeverPassesThePeakCeiling) {
  AudioBuffer tone = test::sine(1000, 2.0, 0.05);
  const NormalizeResult result = normalizeLoudness(tone, 0.0, -1.0);
  EXPECT_TRUE(result.limitedByPeak);
  EXPECT_NEAR(peakDbfs(tone), -1.0, 0.01);
}

}  // namespace
}  // namespace lofi
