// Each ambience is a seamless loop of at least 30 s, and sounds like what it names.
#include "audio/ambience/ambience.h"

#include <gtest/gtest.h>

#include <map>

#include "audio/ambience/loop_builder.h"
#include "audio/levels.h"
#include "audio_analysis.h"

namespace lofi {
namespace {

using test::band;
using test::channelSamples;
using test::meanSquare;
using test::windowPowers;

const AudioBuffer& loopOf(const std::string& name) {
  static std::map<std::string, AudioBuffer> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, synthesizeAmbience(name)).first;
  return it->second;
}

std::vector<float> monoOf(const AudioBuffer& buffer) { return mixToMono(buffer).samples; }

class EveryAmbience : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryAmbience, IsALoudEnoughUnclippedStereoLoopOfAtLeastThirtySeconds) {
  const AudioBuffer& loop = loopOf(GetParam());
  EXPECT_EQ(loop.channels, 2);
  EXPECT_EQ(loop.sampleRate, AmbienceOptions{}.sampleRate);
  EXPECT_GE(loop.seconds(), 30.0);
  EXPECT_LE(peakDbfs(loop), -0.3);
  EXPECT_GT(integratedLoudness(loop), -40.0);
  // Both sides carry sound, and they differ: a stereo scene, not mono twice.
  const auto left = channelSamples(loop, 0), right = channelSamples(loop, 1);
  EXPECT_GT(meanSquare(left), 1e-6);
  EXPECT_GT(meanSquare(right), 1e-6);
  EXPECT_NE(left, right);
}

TEST_P(EveryAmbience, HasNoSeamAtTheLoopPoint) {
  const AudioBuffer& loop = loopOf(GetParam());
  for (int channel = 0; channel < 2; ++channel) {
    const test::SeamReport seam = test::inspectSeam(channelSamples(loop, channel), loop.sampleRate);
    EXPECT_LE(seam.seamStep, seam.typicalStep) << "channel " << channel;
    EXPECT_LE(seam.seamRoughness, seam.typicalRoughness) << "channel " << channel;
    EXPECT_LE(seam.worstBandDeviationDb, 1.0) << "channel " << channel;
    EXPECT_LE(seam.seamLevelJumpDb, seam.typicalLevelJumpDb) << "channel " << channel;
  }
}

TEST_P(EveryAmbience, IsTheSameForTheSameSeed) {
  AmbienceOptions shortLoop;
  shortLoop.loopSeconds = 4.0;
  shortLoop.fadeSeconds = 0.5;
  EXPECT_EQ(synthesizeAmbience(GetParam(), shortLoop).samples, synthesizeAmbience(GetParam(), shortLoop).samples);
  AmbienceOptions otherSeed = shortLoop;
  otherSeed.seed = 2;
  EXPECT_NE(synthesizeAmbience(GetParam(), shortLoop).samples, synthesizeAmbience(GetParam(), otherSeed).samples);
}

INSTANTIATE_TEST_SUITE_P(Ambience, EveryAmbience, ::testing::ValuesIn(ambienceNames()),
                         [](const auto& info) { return info.param; });

bool seamShows(const test::SeamReport& seam) {
  return seam.seamStep > seam.typicalStep || seam.seamRoughness > seam.typicalRoughness ||
         seam.worstBandDeviationDb > 1.0 || seam.seamLevelJumpDb > seam.typicalLevelJumpDb;
}

TEST(AmbienceSeam, TheCheckCatchesLoopsCutWithoutCrossfade) {
  // Cut 4 s short, the wind ends mid-gust and the fire mid-rumble: the end no
  // longer leads into the start.
  for (const std::string name : {"wind", "fireplace", "waves"}) {
    AudioBuffer cut = loopOf(name);
    cut.samples.resize(cut.samples.size() - static_cast<std::size_t>(4.0 * cut.sampleRate) * 2);
    EXPECT_TRUE(seamShows(test::inspectSeam(channelSamples(cut, 0), cut.sampleRate))) << name;
  }
  // A tone that stops mid-cycle clicks.
  std::vector<float> tone(44100);
  for (std::size_t i = 0; i < tone.size(); ++i) tone[i] = static_cast<float>(0.5 * std::sin(2 * 3.14159265 * 100.5 * i / 44100));
  EXPECT_TRUE(seamShows(test::inspectSeam(tone, 44100)));
}

TEST(AmbienceSeam, CrossfadeLoopLeadsTheOverhangIntoTheStart) {
  std::vector<float> ramp(1200);
  for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = static_cast<float>(i);
  const std::vector<float> loop = ambience::crossfadeLoop(ramp, 1000);
  ASSERT_EQ(loop.size(), 1000u);
  EXPECT_NEAR(loop[0], 1000.0f, 5.0f);   // nearly all overhang: continues from frame 999
  EXPECT_NEAR(loop[199], 199.0f, 5.0f);  // nearly all the loop's own start
}

TEST(Ambience, UnknownNameListsTheKnownOnes) {
  try {
    synthesizeAmbience("thunder");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("rain"), std::string::npos);
  }
}

TEST(Rain, IsBroadbandWithDropletTransients) {
  const AudioBuffer& loop = loopOf("rain");
  const auto mono = monoOf(loop);
  const double low = meanSquare(band(mono, loop.sampleRate, 250, 1000));
  const double mid = meanSquare(band(mono, loop.sampleRate, 1000, 4000));
  const double high = meanSquare(band(mono, loop.sampleRate, 4000, 8000));
  const double lowest = std::min({low, mid, high}), highest = std::max({low, mid, high});
  EXPECT_LT(test::powerDb(highest) - test::powerDb(lowest), 12.0);
  // Droplets: 5 ms windows of the 2-8 kHz band that stand 6 dB over the bed.
  const auto windows = windowPowers(band(mono, loop.sampleRate, 2000, 8000), loop.sampleRate / 200);
  const double dropsPerSecond = test::countBursts(windows, 4.0, 2) / loop.seconds();
  EXPECT_GT(dropsPerSecond, 8.0);
}

TEST(Wind, IsASlowlyMovingBandOfNoise) {
  const AudioBuffer& loop = loopOf("wind");
  const auto mono = monoOf(loop);
  // Where the band sits: the balance of 600-2000 Hz against 100-400 Hz, per half second.
  const auto lowWindows = windowPowers(band(mono, loop.sampleRate, 100, 400), loop.sampleRate / 2);
  const auto highWindows = windowPowers(band(mono, loop.sampleRate, 600, 2000), loop.sampleRate / 2);
  std::vector<double> balance;
  for (std::size_t i = 0; i < lowWindows.size(); ++i) balance.push_back(test::powerDb(highWindows[i]) - test::powerDb(lowWindows[i]));
  const auto [lowest, highest] = std::minmax_element(balance.begin(), balance.end());
  const double range = *highest - *lowest;
  EXPECT_GT(range, 10.0);  // it moves...
  double meanChange = 0;
  for (std::size_t i = 1; i < balance.size(); ++i) meanChange += std::abs(balance[i] - balance[i - 1]);
  meanChange /= static_cast<double>(balance.size() - 1);
  EXPECT_LT(meanChange, 0.15 * range);  // ...slowly
  // A band, not a hiss: little above 4 kHz.
  EXPECT_LT(meanSquare(band(mono, loop.sampleRate, 4000, 16000)), 0.05 * meanSquare(band(mono, loop.sampleRate, 80, 2000)));
}

TEST(Fireplace, IsALowRumbleWithSparseCrackles) {
  const AudioBuffer& loop = loopOf("fireplace");
  const auto mono = monoOf(loop);
  EXPECT_GT(meanSquare(band(mono, loop.sampleRate, 20, 300)), 4.0 * meanSquare(band(mono, loop.sampleRate, 300, 16000)));
  const auto windows = windowPowers(band(mono, loop.sampleRate, 3000, 16000), loop.sampleRate / 500);
  const double cracklesPerSecond = test::countBursts(windows, 30.0, 10) / loop.seconds();
  EXPECT_GT(cracklesPerSecond, 1.0);
  EXPECT_LT(cracklesPerSecond, 20.0);
  int loudWindows = 0;
  const double threshold = 30.0 * test::quantile(windows, 0.5);
  for (double p : windows) loudWindows += p > threshold;
  EXPECT_LT(loudWindows, static_cast<int>(windows.size() / 20));  // sparse
}

TEST(Waves, SwellSlowly) {
  const AudioBuffer& loop = loopOf("waves");
  const auto windows = windowPowers(monoOf(loop), loop.sampleRate / 4);
  const auto [quietest, loudest] = std::minmax_element(windows.begin(), windows.end());
  EXPECT_GT(test::powerDb(*loudest) - test::powerDb(*quietest), 12.0);
  // The envelope repeats every 5 to 12 s: one wave after another.
  std::vector<double> envelope;
  for (double p : windows) envelope.push_back(test::powerDb(p));
  std::size_t firstZero = 1;
  while (firstZero < 64 && test::autocorrelation(envelope, firstZero) > 0) ++firstZero;
  double best = -1;
  std::size_t bestLag = 0;
  for (std::size_t lag = firstZero; lag < 64; ++lag) {
    const double r = test::autocorrelation(envelope, lag);
    if (r > best) best = r, bestLag = lag;
  }
  EXPECT_GE(bestLag, 20u);  // 5 s in quarter seconds
  EXPECT_LE(bestLag, 48u);  // 12 s
  EXPECT_GT(best, 0.3);
}

TEST(Night, CricketsChirpPeriodicallyInANarrowHighBand) {
  const AudioBuffer& loop = loopOf("night");
  const auto mono = monoOf(loop);
  const auto crickets = band(mono, loop.sampleRate, 3800, 5500);
  // A narrow band: an octave either side holds a tenth of its energy at most
  // (the breeze lies lower still, under 300 Hz).
  EXPECT_GT(meanSquare(crickets), 10.0 * meanSquare(band(mono, loop.sampleRate, 8000, 16000)));
  EXPECT_GT(meanSquare(crickets), 10.0 * meanSquare(band(mono, loop.sampleRate, 700, 2200)));
  // The chirps' envelope (10 ms windows) repeats at a cricket's period, 0.3 to 1 s.
  const auto envelope = windowPowers(crickets, loop.sampleRate / 100);
  double best = 0;
  for (std::size_t lag = 30; lag <= 100; ++lag) best = std::max(best, test::autocorrelation(envelope, lag));
  EXPECT_GT(best, 0.3);
  EXPECT_LT(test::autocorrelation(envelope, 5), best);  // between chirps it is quiet
}

TEST(Vinyl, HoldsWholeTurnsOfSparseCrackle) {
  const AudioBuffer& loop = loopOf("vinyl");
  const double turns = loop.seconds() / kRecordTurnSeconds;
  EXPECT_NEAR(turns, std::round(turns), 1e-6);
  const auto clicks = windowPowers(band(monoOf(loop), loop.sampleRate, 2000, 16000), loop.sampleRate / 500);
  const double perSecond = test::countBursts(clicks, 20.0, 10) / loop.seconds();
  EXPECT_GT(perSecond, 2.0);
  EXPECT_LT(perSecond, 30.0);
}

}  // namespace
}  // namespace lofi
