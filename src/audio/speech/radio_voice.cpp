#include "audio/speech/radio_voice.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "audio/dsp/biquad.h"
#include "common/seeded_random.h"
#include "audio/levels.h"
#include "audio/lofi_chain/tape_saturation.h"

namespace lofi {
namespace {

void bandLimit(AudioBuffer& mono, const RadioVoiceOptions& options) {
  using dsp::Biquad;
  using dsp::BiquadCoefficients;
  Biquad hp1(BiquadCoefficients::highPass(mono.sampleRate, options.lowHz)), hp2(hp1.coefficients());
  Biquad lp1(BiquadCoefficients::lowPass(mono.sampleRate, options.highHz)), lp2(lp1.coefficients());
  Biquad honk(BiquadCoefficients::peaking(mono.sampleRate, options.honkHz, options.honkDb, 1.0));
  for (float& s : mono.samples) s = honk.process(lp2.process(lp1.process(hp2.process(hp1.process(s)))));
}

void addHissAndHum(AudioBuffer& mono, const RadioVoiceOptions& options) {
  SeededRandom random(options.seed);
  dsp::Biquad hissColour(dsp::BiquadCoefficients::bandPass(mono.sampleRate, 2000, 0.5));
  const double hiss = dbToGain(options.hissDb) * 2.0, hum = dbToGain(options.humDb);
  const auto fadeFrames = static_cast<double>(mono.sampleRate) * 0.05;
  const auto frames = mono.frames();
  for (std::size_t i = 0; i < frames; ++i) {
    // The noise fades in and out over 50 ms: no click at either end.
    const double fade = std::min({1.0, static_cast<double>(i) / fadeFrames, static_cast<double>(frames - i) / fadeFrames});
    const double t = static_cast<double>(i) / mono.sampleRate;
    const double mains = std::sin(2 * std::numbers::pi * 60 * t) + 0.3 * std::sin(2 * std::numbers::pi * 180 * t);
    mono.samples[i] += static_cast<float>(fade * (hiss * hissColour.process(random.bipolar()) + hum * mains));
  }
}

}  // namespace

AudioBuffer radioVoice(const AudioBuffer& speech, const RadioVoiceOptions& options) {
  AudioBuffer mono = mixToMono(speech);
  normalizePeak(mono, -3.0);
  const auto pad = static_cast<std::size_t>(options.padSeconds * mono.sampleRate);
  mono.samples.insert(mono.samples.begin(), pad, 0.0f);
  mono.samples.insert(mono.samples.end(), pad, 0.0f);
  bandLimit(mono, options);
  TapeSaturation({options.drive, 0.15, 1.0}).process(mono);
  addHissAndHum(mono, options);
  normalizeLoudness(mono, options.targetLufs, -1.0);
  return mono;
}

}  // namespace lofi
