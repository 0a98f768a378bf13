// Ocean waves: a swell envelope (one wave every eight seconds or so, each
// rising over two to three seconds and washing out over four to five) that
// opens a low-pass on pink noise, with a fizz of foam after each crest. Waves
// are laid circularly on the envelope, so the loop closes mid-swell smoothly.
#include <cmath>

#include "audio/ambience/synthesis_kit.h"
#include "audio/dsp/biquad.h"
#include "audio/dsp/noise.h"

namespace lofi {
namespace {

using ambience::LoopFrames;

constexpr double kSecondsPerWave = 8.0;
constexpr int kControlFrames = 64;
constexpr float kCalm = 0.12f;  // the sea between waves is never silent

// 0..about 1 per frame of the loop.
std::vector<float> swellEnvelope(const LoopFrames& frames, double loopSeconds, std::uint64_t seed) {
  SeededRandom random(seed);
  std::vector<float> envelope(frames.loop, kCalm);
  const int waves = std::max(1, static_cast<int>(std::lround(loopSeconds / kSecondsPerWave)));
  const double spacing = loopSeconds / waves;
  for (int k = 0; k < waves; ++k) {
    const double start = (k + random.uniform(-0.15, 0.15)) * spacing;
    const double rise = random.uniform(2.0, 3.0), fall = random.uniform(4.0, 5.0);
    const double height = random.uniform(0.7, 1.0);
    std::vector<float> wave(static_cast<std::size_t>((rise + 2.0 * fall) * frames.rate));
    for (std::size_t i = 0; i < wave.size(); ++i) {
      const double t = static_cast<double>(i) / frames.rate;
      const double shape = t < rise ? std::pow(t / rise, 2.0) : std::exp(-(t - rise) / (0.45 * fall));
      wave[i] = static_cast<float>(height * shape);
    }
    ambience::addCircular(envelope, static_cast<std::int64_t>(start * frames.rate), wave);
  }
  return envelope;
}

std::vector<float> surf(const LoopFrames& frames, const std::vector<float>& envelope, std::uint64_t seed,
                        std::size_t delayFrames) {
  dsp::PinkNoise pink(seed);
  SeededRandom white(seed + 1);
  dsp::Biquad wash1, wash2;
  dsp::Biquad foam(dsp::BiquadCoefficients::highPass(frames.rate, 3000));
  std::vector<float> out(frames.extended);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double e = envelope[(i + frames.loop - delayFrames) % frames.loop];
    if (i % kControlFrames == 0) {
      const auto design = dsp::BiquadCoefficients::lowPass(frames.rate, 200.0 + 2800.0 * std::pow(e, 1.5));
      wash1.setCoefficients(design);
      wash2.setCoefficients(design);
    }
    const double body = wash2.process(wash1.process(pink.next())) * (0.15 + e);
    const double fizz = foam.process(white.bipolar()) * e * e * e * 0.08;
    out[i] = static_cast<float>(body + fizz);
  }
  return ambience::crossfadeLoop(out, frames.loop);
}

}  // namespace

AudioBuffer synthesizeWaves(const AmbienceOptions& options) {
  const LoopFrames frames = ambience::loopFramesOf(options);
  const std::vector<float> envelope = swellEnvelope(frames, options.loopSeconds, options.seed * 43 + 1);
  // The wave reaches the right ear a little after the left: a wide beach.
  return ambience::finishLoop(surf(frames, envelope, options.seed * 43 + 2, 0),
                              surf(frames, envelope, options.seed * 43 + 3, static_cast<std::size_t>(0.18 * frames.rate)),
                              frames.rate, -21.0);
}

}  // namespace lofi
