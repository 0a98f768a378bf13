// Rain: a broadband bed of pink noise (the hiss of many far drops) swelling
// gently, with near droplets on top: short rising "plinks" and a few heavier
// drips, scattered at random in time and across the stereo field.
#include <cmath>

#include "audio/ambience/synthesis_kit.h"
#include "audio/dsp/biquad.h"
#include "audio/dsp/noise.h"
#include "audio/levels.h"

namespace lofi {
namespace {

using ambience::LoopFrames;

constexpr double kDropsPerSecond = 40.0;
constexpr double kDripsPerSecond = 0.8;

std::vector<float> rainBed(const LoopFrames& frames, double loopSeconds, std::uint64_t seed, double phase) {
  dsp::PinkNoise pink(seed);
  dsp::Biquad highPass(dsp::BiquadCoefficients::highPass(frames.rate, 300));
  dsp::Biquad lowPass(dsp::BiquadCoefficients::lowPass(frames.rate, 9000));
  std::vector<float> bed(frames.extended);
  for (std::size_t i = 0; i < bed.size(); ++i) {
    const double t = static_cast<double>(i) / frames.rate;
    const double intensity = 1.0 + 0.15 * ambience::loopSine(t, loopSeconds, 3, phase) +
                             0.08 * ambience::loopSine(t, loopSeconds, 7, 2 * phase);
    bed[i] = static_cast<float>(0.25 * intensity * lowPass.process(highPass.process(pink.next())));
  }
  return ambience::crossfadeLoop(bed, frames.loop);
}

void addDroplets(std::vector<float>& left, std::vector<float>& right, const LoopFrames& frames, double loopSeconds,
                 std::uint64_t seed) {
  SeededRandom random(seed);
  auto place = [&](double at, const std::vector<float>& grain, double gainDb) {
    const double pan = random.uniform();
    const auto start = static_cast<std::int64_t>(at * frames.rate);
    const auto gain = static_cast<float>(dbToGain(gainDb));
    ambience::addCircular(left, start, grain, gain * ambience::panLeft(pan));
    ambience::addCircular(right, start, grain, gain * ambience::panRight(pan));
  };
  for (double at = random.exponential(kDropsPerSecond); at < loopSeconds; at += random.exponential(kDropsPerSecond)) {
    // A small bubble rings high and rises as it closes.
    const double frequency = std::exp(random.uniform(std::log(1800.0), std::log(6500.0)));
    const double seconds = random.uniform(0.006, 0.02);
    std::vector<float> drop = ambience::toneGrain(frequency, seconds, 0.5, 4.0 / seconds, frames.rate);
    const std::vector<float> impact = ambience::clickGrain(0.0015, random.next(), frames.rate);
    for (std::size_t i = 0; i < impact.size() && i < drop.size(); ++i) drop[i] += 0.6f * impact[i];
    place(at, drop, random.uniform(-30.0, -12.0));
  }
  for (double at = random.exponential(kDripsPerSecond); at < loopSeconds; at += random.exponential(kDripsPerSecond)) {
    const double frequency = random.uniform(700.0, 1600.0);
    place(at, ambience::toneGrain(frequency, 0.05, 0.3, 60.0, frames.rate), random.uniform(-22.0, -14.0));
  }
}

}  // namespace

AudioBuffer synthesizeRain(const AmbienceOptions& options) {
  const LoopFrames frames = ambience::loopFramesOf(options);
  std::vector<float> left = rainBed(frames, options.loopSeconds, options.seed * 31 + 1, 0.0);
  std::vector<float> right = rainBed(frames, options.loopSeconds, options.seed * 31 + 2, 1.3);
  addDroplets(left, right, frames, options.loopSeconds, options.seed * 31 + 3);
  return ambience::finishLoop(left, right, frames.rate, -22.0);
}

}  // namespace lofi
