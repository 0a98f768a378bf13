// A summer night: three crickets, each chirping at its own pitch (4-5.2 kHz)
// and rate, a chirp being a few quick pulses of a pure tone; under them a
// faint breeze. Each cricket's chirp period divides the loop exactly, so the
// rhythm runs on across the seam.
#include <cmath>

#include "audio/ambience/synthesis_kit.h"
#include "audio/dsp/biquad.h"
#include "audio/dsp/noise.h"
#include "audio/levels.h"

namespace lofi {
namespace {

using ambience::LoopFrames;

struct Cricket {
  double carrierHz;
  double chirpSeconds;  // from one chirp to the next
  int pulses;           // per chirp
  double pulseHz;       // pulses per second within a chirp
  double levelDb;
  double pan;
};

constexpr Cricket kCrickets[] = {
    {4400.0, 0.46, 3, 32.0, -18.0, 0.3},
    {4950.0, 0.63, 4, 27.0, -22.0, 0.75},
    {4150.0, 0.85, 2, 30.0, -27.0, 0.55},
};

std::vector<float> chirp(const Cricket& cricket, int rate) {
  const double pulseSeconds = 0.6 / cricket.pulseHz;  // pulses fill 60% of their period
  const std::vector<float> pulse = ambience::toneGrain(cricket.carrierHz, pulseSeconds, -0.02, 0.0, rate);
  std::vector<float> out(static_cast<std::size_t>((cricket.pulses / cricket.pulseHz) * rate) + pulse.size());
  for (int p = 0; p < cricket.pulses; ++p) {
    const auto start = static_cast<std::size_t>(p / cricket.pulseHz * rate);
    for (std::size_t i = 0; i < pulse.size(); ++i) {
      // A sin^2 window per pulse: soft edges, no clicks.
      const double window = std::pow(std::sin(3.14159265 * static_cast<double>(i) / static_cast<double>(pulse.size())), 2);
      out[start + i] += static_cast<float>(pulse[i] * window);
    }
  }
  return out;
}

void addCricket(std::vector<float>& left, std::vector<float>& right, const Cricket& cricket, const LoopFrames& frames,
                double loopSeconds, SeededRandom& random) {
  const std::vector<float> sound = chirp(cricket, frames.rate);
  const int chirps = std::max(1, static_cast<int>(std::lround(loopSeconds / cricket.chirpSeconds)));
  const double period = loopSeconds / chirps;
  const double offset = random.uniform(0.0, period);
  for (int k = 0; k < chirps; ++k) {
    const double at = offset + k * period + random.uniform(-0.004, 0.004);
    const auto gain = static_cast<float>(dbToGain(cricket.levelDb + random.uniform(-1.5, 1.5)));
    const auto start = static_cast<std::int64_t>(at * frames.rate);
    ambience::addCircular(left, start, sound, gain * ambience::panLeft(cricket.pan));
    ambience::addCircular(right, start, sound, gain * ambience::panRight(cricket.pan));
  }
}

std::vector<float> breeze(const LoopFrames& frames, double loopSeconds, std::uint64_t seed) {
  dsp::BrownNoise brown(seed);
  dsp::Biquad lowPass(dsp::BiquadCoefficients::lowPass(frames.rate, 300));
  std::vector<float> out(frames.extended);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / frames.rate;
    const double level = 0.012 * (1.0 + 0.4 * ambience::loopSine(t, loopSeconds, 3));
    out[i] = static_cast<float>(level * lowPass.process(brown.next()) * 4.0);
  }
  return ambience::crossfadeLoop(out, frames.loop);
}

}  // namespace

AudioBuffer synthesizeNight(const AmbienceOptions& options) {
  const LoopFrames frames = ambience::loopFramesOf(options);
  std::vector<float> left = breeze(frames, options.loopSeconds, options.seed * 47 + 1);
  std::vector<float> right = breeze(frames, options.loopSeconds, options.seed * 47 + 2);
  SeededRandom random(options.seed * 47 + 3);
  for (const Cricket& cricket : kCrickets) addCricket(left, right, cricket, frames, options.loopSeconds, random);
  return ambience::finishLoop(left, right, frames.rate, -26.0);
}

}  // namespace lofi
