// Each stage of the lo-fi chain alone, then the chain as a whole.
#include "audio/lofi_chain/lofi_chain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "audio/levels.h"
#include "audio_test_signals.h"

namespace lofi {
namespace {

// Level of the steady part of a signal (after the first 50 ms).
double steadyRmsDb(const AudioBuffer& buffer) {
  AudioBuffer tail = buffer;
  tail.samples.erase(tail.samples.begin(), tail.samples.begin() + buffer.sampleRate / 20 * buffer.channels);
  return rmsDbfs(tail);
}

TEST(LowPass, PassesFiveHundredHertzAndCutsTenKilohertz) {
  const LowPass lowPass({5000, 0.7071, 2});
  AudioBuffer low = test::sine(500, 0.5), high = test::sine(10000, 0.5);
  const double lowBefore = steadyRmsDb(low), highBefore = steadyRmsDb(high);
  lowPass.process(low);
  lowPass.process(high);
  EXPECT_NEAR(steadyRmsDb(low), lowBefore, 0.5);
  EXPECT_LT(steadyRmsDb(high), highBefore - 20.0);
}

TEST(LowPass, CutoffIsConfigurable) {
  AudioBuffer tone = test::sine(3000, 0.5);
  const double before = steadyRmsDb(tone);
  LowPass({1000, 0.7071, 2}).process(tone);
  EXPECT_LT(steadyRmsDb(tone), before - 20.0);
}

TEST(TapeSaturation, CurveIsMonotonicBoundedAndTransparentWhenQuiet) {
  const TapeSaturation saturation;
  double previous = saturation.shape(-20.0);
  for (double x = -20.0; x <= 20.0; x += 0.001) {
    const double y = saturation.shape(x);
    EXPECT_GE(y, previous) << "at " << x;
    EXPECT_LT(std::abs(y), 1.0) << "at " << x;
    previous = y;
  }
  EXPECT_DOUBLE_EQ(saturation.shape(0.0), 0.0);
  EXPECT_NEAR(saturation.shape(0.001) / 0.001, 1.0, 0.01);
}

TEST(TapeSaturation, LoudSoundsGainHarmonicsQuietOnesDoNot) {
  const TapeSaturation saturation;
  AudioBuffer loud = test::sine(441, 0.5, 0.9), quiet = test::sine(441, 0.5, 0.01);
  const double quietBefore = steadyRmsDb(quiet);
  saturation.process(loud);
  saturation.process(quiet);
  auto harmonicDb = [](const AudioBuffer& b, int n) {
    return gainToDb(test::toneMagnitude(b.samples, 441.0 * n, b.sampleRate)) -
           gainToDb(test::toneMagnitude(b.samples, 441.0, b.sampleRate));
  };
  EXPECT_GT(harmonicDb(loud, 2), -50.0);  // even: the asymmetry
  EXPECT_GT(harmonicDb(loud, 3), -35.0);  // odd: the rounding of both peaks
  EXPECT_LT(harmonicDb(quiet, 3), -60.0);
  EXPECT_NEAR(steadyRmsDb(quiet), quietBefore, 0.3);
  EXPECT_LT(peakDbfs(loud), 0.0);
}

// Instantaneous frequency of a sine, window by window, from interpolated
// upward zero crossings.
std::vector<double> frequencyTrack(const AudioBuffer& buffer, double windowSeconds) {
  std::vector<double> crossings;
  for (std::size_t i = 1; i < buffer.frames(); ++i) {
    const float a = buffer.samples[i - 1], b = buffer.samples[i];
    if (a < 0 && b >= 0) crossings.push_back((static_cast<double>(i) - 1 + a / (a - b)) / buffer.sampleRate);
  }
  std::vector<double> track;
  std::size_t first = 0;
  for (std::size_t i = 0; i < crossings.size(); ++i) {
    if (crossings[i] - crossings[first] >= windowSeconds) {
      track.push_back(static_cast<double>(i - first) / (crossings[i] - crossings[first]));
      first = i;
    }
  }
  return track;
}

double maxCentsFrom(const std::vector<double>& track, double reference, std::size_t skip) {
  double worst = 0;
  for (std::size_t i = skip; i < track.size(); ++i) worst = std::max(worst, std::abs(1200 * std::log2(track[i] / reference)));
  return worst;
}

TEST(WowFlutter, WowBendsThePitchByTheSetDepth) {
  AudioBuffer tone = test::sine(1000, 4.0, 0.5);
  WowFlutter({0.5, 20.0, 6.0, 0.0}).process(tone);
  EXPECT_NEAR(maxCentsFrom(frequencyTrack(tone, 0.02), 1000.0, 5), 20.0, 2.5);
}

TEST(WowFlutter, FlutterAloneIsFasterAndShallower) {
  AudioBuffer tone = test::sine(1000, 2.0, 0.5);
  WowFlutter({0.5, 0.0, 8.0, 5.0}).process(tone);
  // 5 ms windows average an 8 Hz wobble only a little (sinc(0.04) is ~0.997).
  EXPECT_NEAR(maxCentsFrom(frequencyTrack(tone, 0.005), 1000.0, 5), 5.0, 1.0);
}

TEST(WowFlutter, NoDepthLeavesThePitchAlone) {
  AudioBuffer tone = test::sine(1000, 1.0, 0.5);
  WowFlutter({0.5, 0.0, 6.0, 0.0}).process(tone);
  EXPECT_LT(maxCentsFrom(frequencyTrack(tone, 0.02), 1000.0, 2), 0.2);
}

TEST(BitCrusher, GivesAtMostTwoToTheBitsLevels) {
  AudioBuffer ramp(44100, 1, 44100);
  for (std::size_t i = 0; i < ramp.frames(); ++i) ramp.samples[i] = -1.2f + 2.4f * i / ramp.frames();
  BitCrusher({4, 44100}).process(ramp);
  const std::set<float> levels(ramp.samples.begin(), ramp.samples.end());
  EXPECT_LE(levels.size(), 16u);
  EXPECT_GE(levels.size(), 15u);
}

TEST(BitCrusher, HoldsEachSampleForTheTargetRate) {
  AudioBuffer noise(44100, 2, 44100);
  for (std::size_t i = 0; i < noise.samples.size(); ++i) noise.samples[i] = std::sin(0.37 * i) * 0.8f;
  BitCrusher({16, 11025}).process(noise);
  int changes = 0;
  for (std::size_t frame = 1; frame < noise.frames(); ++frame) changes += noise.at(frame, 0) != noise.at(frame - 1, 0);
  EXPECT_LE(changes, 11025);
  EXPECT_GT(changes, 10000);
  for (std::size_t frame = 0; frame + 4 <= noise.frames(); frame += 4)
    for (int k = 1; k < 4; ++k) ASSERT_EQ(noise.at(frame + k, 1), noise.at(frame, 1));
}

std::vector<double> clickTimes(const AudioBuffer& buffer, double thresholdDb) {
  const auto threshold = static_cast<float>(dbToGain(thresholdDb));
  std::vector<double> clicks;
  std::size_t lastAbove = 0;
  for (std::size_t i = 0; i < buffer.samples.size(); ++i) {
    if (std::abs(buffer.samples[i]) <= threshold) continue;
    if (clicks.empty() || i - lastAbove > static_cast<std::size_t>(buffer.sampleRate / 200))
      clicks.push_back(static_cast<double>(i) / buffer.sampleRate);
    lastAbove = i;
  }
  return clicks;
}

TEST(VinylNoise, CrackleIsSparseImpulsesAtTheSetRate) {
  AudioBuffer silence(44100, 1, 44100 * 10);
  VinylNoise({-60.0, 7000, 5.0, -26.0, 7}).process(silence);
  const auto clicks = clickTimes(silence, -42.0);
  EXPECT_GT(clicks.size(), 30u);   // about 50 expected
  EXPECT_LT(clicks.size(), 75u);
  int above = 0;
  for (float s : silence.samples) above += std::abs(s) > dbToGain(-42.0);
  EXPECT_LT(above, static_cast<int>(silence.samples.size() / 500));  // impulses, not a bed
}

TEST(VinylNoise, HissSitsAtTheSetLevel) {
  AudioBuffer silence(44100, 2, 44100 * 2);
  VinylNoise({-50.0, 7000, 0.0, -26.0, 7}).process(silence);
  EXPECT_NEAR(rmsDbfs(silence), -50.0, 1.5);
  EXPECT_TRUE(clickTimes(silence, -30.0).empty());
}

TEST(RoomReverb, AnImpulseRingsThenDies) {
  AudioBuffer impulse(44100, 2, 44100 * 3);
  impulse.at(0, 0) = impulse.at(0, 1) = 1.0f;
  RoomReverb({0.45, 0.5, 0.3, 0.0}).process(impulse);
  auto energyDb = [&](double from, double to) {
    AudioBuffer part(44100, 2);
    part.samples.assign(impulse.samples.begin() + static_cast<long>(from * 44100) * 2,
                        impulse.samples.begin() + static_cast<long>(to * 44100) * 2);
    return rmsDbfs(part);
  };
  EXPECT_GT(energyDb(0.03, 0.3), -60.0);
  EXPECT_LT(energyDb(2.5, 3.0), energyDb(0.03, 0.3) - 40.0);
  // The two sides differ: the room is wide.
  double difference = 0;
  for (std::size_t f = 0; f < impulse.frames(); ++f) difference += std::abs(impulse.at(f, 0) - impulse.at(f, 1));
  EXPECT_GT(difference, 0.1);
}

TEST(RoomReverb, NoWetIsTheDrySound) {
  const AudioBuffer original = test::sine(440, 0.3, 0.5, 44100, 2);
  AudioBuffer processed = original;
  RoomReverb({0.45, 0.5, 0.0, 1.0}).process(processed);
  EXPECT_EQ(processed.samples, original.samples);
}

TEST(RoomReverb, StaysStableAtTheLargestRoom) {
  AudioBuffer noise(44100, 1, 44100 * 4);
  for (std::size_t i = 0; i < 4410; ++i) noise.samples[i] = std::sin(0.1 * i);
  RoomReverb({1.0, 0.0, 1.0, 0.0}).process(noise);
  for (float s : noise.samples) ASSERT_TRUE(std::isfinite(s));
  EXPECT_LT(peakDbfs(noise), 12.0);
}

TEST(LofiChain, RunsEveryStageInOrderAndAddsTheRoomsTail) {
  AudioBuffer tone = test::sine(440, 1.0, 0.5, 44100, 2);
  const LofiChain chain;
  ASSERT_EQ(chain.stages().size(), 6u);
  EXPECT_EQ(chain.stages().front()->name(), "wow and flutter");
  EXPECT_EQ(chain.stages().back()->name(), "vinyl crackle and hiss");
  int reports = 0;
  chain.process(tone, [&](double) { ++reports; });
  EXPECT_EQ(reports, 6);
  EXPECT_NEAR(tone.seconds(), 1.0 + LofiChainOptions{}.reverbTailSeconds, 0.01);
  for (float s : tone.samples) ASSERT_TRUE(std::isfinite(s));
  EXPECT_GT(rmsDbfs(tone), -20.0);
}

TEST(LofiChain, EveryStageOffIsTheIdentity) {
  LofiChainOptions options;
  options.wowFlutterOn = options.saturationOn = options.bitCrusherOn = options.lowPassOn = options.reverbOn =
      options.vinylOn = false;
  const AudioBuffer original = test::sine(440, 0.5);
  AudioBuffer processed = original;
  LofiChain(options).process(processed);
  EXPECT_EQ(processed.samples, original.samples);
}

}  // namespace
}  // namespace lofi
