#include "audio/lofi_chain/wow_flutter.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace lofi {
namespace {

// Four-point cubic (Catmull-Rom) interpolation between x1 and x2.
float cubic(float x0, float x1, float x2, float x3, float t) {
  const float a = -0.5f * x0 + 1.5f * x1 - 1.5f * x2 + 0.5f * x3;
  const float b = x0 - 2.5f * x1 + 2.0f * x2 - 0.5f * x3;
  const float c = -0.5f * x0 + 0.5f * x2;
  return ((a * t + b) * t + c) * t + x1;
}

}  // namespace

double WowFlutter::delayAmplitudeFor(double cents, double rateHz) {
  if (rateHz <= 0) return 0;
  const double speedDeviation = std::pow(2.0, cents / 1200.0) - 1.0;
  return speedDeviation / (2.0 * std::numbers::pi * rateHz);
}

// A sine oscillator by rotation: two multiplies a sample instead of std::sin.
class Oscillator {
 public:
  explicit Oscillator(double radiansPerFrame) : stepCos_(std::cos(radiansPerFrame)), stepSin_(std::sin(radiansPerFrame)) {}
  double next() {
    const double value = sin_;
    const double c = cos_ * stepCos_ - sin_ * stepSin_;
    sin_ = sin_ * stepCos_ + cos_ * stepSin_;
    cos_ = c;
    return value;
  }

 private:
  double stepCos_, stepSin_, cos_ = 1.0, sin_ = 0.0;
};

void WowFlutter::process(AudioBuffer& buffer) const {
  const double rate = buffer.sampleRate;
  const double wowFrames = delayAmplitudeFor(options_.wowCents, options_.wowHz) * rate;
  const double flutterFrames = delayAmplitudeFor(options_.flutterCents, options_.flutterHz) * rate;
  // The centre delay keeps the read point behind the write point at all times.
  const double centre = wowFrames + flutterFrames + 2.0;
  const int channels = buffer.channels;
  const auto frames = static_cast<std::int64_t>(buffer.frames());
  // Two frames of silence before and after the input, so reads never leave it.
  constexpr std::int64_t kPad = 2;
  std::vector<float> input(static_cast<std::size_t>((frames + 2 * kPad) * channels), 0.0f);
  std::copy(buffer.samples.begin(), buffer.samples.end(), input.begin() + kPad * channels);
  Oscillator wow(2.0 * std::numbers::pi * options_.wowHz / rate);
  Oscillator flutter(2.0 * std::numbers::pi * options_.flutterHz / rate);
  for (std::int64_t frame = 0; frame < frames; ++frame) {
    const double delay = centre + wowFrames * wow.next() + flutterFrames * flutter.next();
    const double readAt = static_cast<double>(frame) - delay;
    auto index = static_cast<std::int64_t>(std::floor(readAt));
    const auto t = static_cast<float>(readAt - static_cast<double>(index));
    index = std::max<std::int64_t>(index, 1 - kPad);  // before the start: silence
    const float* x = input.data() + (index - 1 + kPad) * channels;
    float* out = buffer.samples.data() + frame * channels;
    for (int channel = 0; channel < channels; ++channel)
      out[channel] = cubic(x[channel], x[channel + channels], x[channel + 2 * channels], x[channel + 3 * channels], t);
  }
}

}  // namespace lofi
