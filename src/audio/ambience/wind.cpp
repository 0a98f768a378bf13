// Wind: noise through a band-pass whose centre drifts slowly between about
// 150 Hz and 1.3 kHz, louder as it rises (a gust), with a faint whistle an
// octave up and a low rumble underneath. The drift is a sum of sines with
// whole cycles per loop, so the loop closes on the same gust it opened with.
#include <cmath>

#include "audio/ambience/synthesis_kit.h"
#include "audio/dsp/biquad.h"
#include "audio/dsp/noise.h"

namespace lofi {
namespace {

using ambience::LoopFrames;

constexpr int kControlFrames = 64;  // the filter is re-tuned every 64 samples (1.5 ms)

// -1..1: how high and strong the wind is at time t.
double gust(double t, double loopSeconds, double phase) {
  return (0.6 * ambience::loopSine(t, loopSeconds, 2, phase) + 0.3 * ambience::loopSine(t, loopSeconds, 5, 2.1 * phase) +
          0.1 * ambience::loopSine(t, loopSeconds, 11, 0.7 + phase));
}

std::vector<float> windChannel(const LoopFrames& frames, double loopSeconds, std::uint64_t seed, double phase) {
  SeededRandom white(seed);
  dsp::BrownNoise brown(seed + 1);
  dsp::Biquad band, whistle;
  dsp::Biquad rumble(dsp::BiquadCoefficients::lowPass(frames.rate, 120));
  std::vector<float> out(frames.extended);
  double strength = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i % kControlFrames == 0) {
      const double t = static_cast<double>(i) / frames.rate;
      const double g = gust(t, loopSeconds, phase);
      const double centre = 420.0 * std::pow(2.0, 1.6 * g);
      band.setCoefficients(dsp::BiquadCoefficients::bandPass(frames.rate, centre, 1.4));
      whistle.setCoefficients(dsp::BiquadCoefficients::bandPass(frames.rate, 2.0 * centre, 9.0));
      strength = 0.35 + 0.65 * (0.5 + 0.5 * g);
    }
    const float noise = white.bipolar();
    const double body = band.process(noise) * strength;
    const double high = whistle.process(noise) * strength * strength * 0.25;
    out[i] = static_cast<float>(body + high + 0.5 * rumble.process(brown.next()));
  }
  return ambience::crossfadeLoop(out, frames.loop);
}

}  // namespace

AudioBuffer synthesizeWind(const AmbienceOptions& options) {
  const LoopFrames frames = ambience::loopFramesOf(options);
  // The right side hears the same gusts a moment later.
  return ambience::finishLoop(windChannel(frames, options.loopSeconds, options.seed * 37 + 1, 0.0),
                              windChannel(frames, options.loopSeconds, options.seed * 37 + 2, 0.25), frames.rate, -24.0);
}

}  // namespace lofi
