#include "audio/lofi_chain/vinyl_noise.h"

#include <algorithm>
#include <cmath>

#include "audio/dsp/biquad.h"
#include "common/seeded_random.h"
#include "audio/levels.h"

namespace lofi {
namespace {

// The RMS of uniform white noise in -1..1, before filtering.
constexpr double kUniformRms = 0.57735;

void addHiss(AudioBuffer& buffer, const VinylNoiseOptions& options) {
  SeededRandom random(options.seed);
  // The low-pass removes part of white noise's power; a first pass over the
  // same seed measures how much, so the bed lands at hissDb.
  const double keptShare = std::min(1.0, 2.0 * options.hissLowPassHz / buffer.sampleRate);
  const auto gain = static_cast<float>(dbToGain(options.hissDb) / (kUniformRms * std::sqrt(keptShare)));
  for (int channel = 0; channel < buffer.channels; ++channel) {
    dsp::Biquad colour(dsp::BiquadCoefficients::lowPass(buffer.sampleRate, options.hissLowPassHz));
    for (std::size_t frame = 0; frame < buffer.frames(); ++frame)
      buffer.at(frame, channel) += gain * colour.process(random.bipolar());
  }
}

}  // namespace

void addCrackles(AudioBuffer& buffer, int channel, double ratePerSecond, double peakDb, std::uint64_t seed) {
  const std::size_t frames = buffer.frames();
  if (frames == 0 || ratePerSecond <= 0) return;
  SeededRandom random(seed);
  const double typicalPeak = dbToGain(peakDb);
  const double rate = buffer.sampleRate;
  for (double at = random.exponential(ratePerSecond); at < buffer.seconds(); at += random.exponential(ratePerSecond)) {
    // Most clicks are small, a few are loud: sizes spread log-uniformly over 24 dB.
    const double peak = typicalPeak * dbToGain(random.uniform(-12.0, 12.0));
    const double polarity = random.chance(0.5) ? 1.0 : -1.0;
    const int length = static_cast<int>(random.uniform(0.0003, 0.0015) * rate) + 2;
    const double decay = std::exp(-5.0 / length);
    const auto start = static_cast<std::size_t>(at * rate);
    double envelope = 1.0;
    for (int i = 0; i < length; ++i, envelope *= decay) {
      // An alternating, decaying burst: a click with a little ring.
      const double ring = (i % 2 == 0 ? 1.0 : -0.6) * random.uniform(0.5, 1.0);
      buffer.at((start + static_cast<std::size_t>(i)) % frames, channel) +=
          static_cast<float>(polarity * peak * envelope * ring);
    }
  }
}

void VinylNoise::process(AudioBuffer& buffer) const {
  addHiss(buffer, options_);
  for (int channel = 0; channel < buffer.channels; ++channel)
    addCrackles(buffer, channel, options_.cracklesPerSecond / buffer.channels, options_.crackleDb,
                options_.seed * 7919 + static_cast<std::uint64_t>(channel));
}

}  // namespace lofi
