// A fireplace: the low roar of burning wood (brown noise under 200 Hz,
// flickering), a soft hiss of flames, and sparse crackles: clusters of sharp
// clicks, now and then a louder pop with a woody body.
#include <cmath>

#include "audio/ambience/synthesis_kit.h"
#include "audio/dsp/biquad.h"
#include "audio/dsp/noise.h"
#include "audio/levels.h"

namespace lofi {
namespace {

using ambience::LoopFrames;

constexpr double kCrackleClustersPerSecond = 2.5;
constexpr double kPopsPerSecond = 0.3;

std::vector<float> roar(const LoopFrames& frames, double loopSeconds, std::uint64_t seed, double phase) {
  dsp::BrownNoise brown(seed);
  SeededRandom white(seed + 1);
  dsp::Biquad low1(dsp::BiquadCoefficients::lowPass(frames.rate, 180)), low2(low1.coefficients());
  dsp::Biquad flames(dsp::BiquadCoefficients::bandPass(frames.rate, 2500, 0.7));
  std::vector<float> out(frames.extended);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / frames.rate;
    const double flicker = 1.0 + 0.3 * ambience::loopSine(t, loopSeconds, 5, phase) +
                           0.2 * ambience::loopSine(t, loopSeconds, 13, 1.7 * phase) +
                           0.1 * ambience::loopSine(t, loopSeconds, 41, phase);
    const double rumble = low2.process(low1.process(brown.next())) * 0.3;
    const double hiss = flames.process(white.bipolar()) * 0.004;
    out[i] = static_cast<float>(flicker * (rumble + hiss));
  }
  return ambience::crossfadeLoop(out, frames.loop);
}

void addCrackles(std::vector<float>& left, std::vector<float>& right, const LoopFrames& frames, double loopSeconds,
                 std::uint64_t seed) {
  SeededRandom random(seed);
  auto place = [&](double at, const std::vector<float>& grain, double gainDb, double pan) {
    const auto start = static_cast<std::int64_t>(at * frames.rate);
    const auto gain = static_cast<float>(dbToGain(gainDb));
    ambience::addCircular(left, start, grain, gain * ambience::panLeft(pan));
    ambience::addCircular(right, start, grain, gain * ambience::panRight(pan));
  };
  for (double at = random.exponential(kCrackleClustersPerSecond); at < loopSeconds;
       at += random.exponential(kCrackleClustersPerSecond)) {
    const double pan = random.uniform(0.25, 0.75);  // the fire is in front of us
    const int clicks = 1 + static_cast<int>(random.uniform() * 4);
    double when = at;
    for (int c = 0; c < clicks; ++c, when += random.uniform(0.004, 0.04))
      place(when, ambience::clickGrain(random.uniform(0.0005, 0.003), random.next(), frames.rate),
            random.uniform(-24.0, -8.0), pan);
  }
  for (double at = random.exponential(kPopsPerSecond); at < loopSeconds; at += random.exponential(kPopsPerSecond)) {
    const double pan = random.uniform(0.3, 0.7);
    std::vector<float> pop = ambience::toneGrain(random.uniform(250.0, 600.0), 0.03, -0.3, 120.0, frames.rate);
    const std::vector<float> snap = ambience::clickGrain(0.004, random.next(), frames.rate);
    for (std::size_t i = 0; i < snap.size(); ++i) pop[i] += 1.5f * snap[i];
    place(at, pop, random.uniform(-12.0, -4.0), pan);
  }
}

}  // namespace

AudioBuffer synthesizeFireplace(const AmbienceOptions& options) {
  const LoopFrames frames = ambience::loopFramesOf(options);
  std::vector<float> left = roar(frames, options.loopSeconds, options.seed * 41 + 1, 0.0);
  std::vector<float> right = roar(frames, options.loopSeconds, options.seed * 41 + 2, 0.9);
  addCrackles(left, right, frames, options.loopSeconds, options.seed * 41 + 3);
  return ambience::finishLoop(left, right, frames.rate, -22.0);
}

}  // namespace lofi
