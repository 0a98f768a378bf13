#include "audio/lofi_chain/wow_flutter.h"

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

void WowFlutter::process(AudioBuffer& buffer) const {
  const double rate = buffer.sampleRate;
  const double wowFrames = delayAmplitudeFor(options_.wowCents, options_.wowHz) * rate;
  const double flutterFrames = delayAmplitudeFor(options_.flutterCents, options_.flutterHz) * rate;
  // The centre delay keeps the read point behind the write point at all times.
  const double centre = wowFrames + flutterFrames + 2.0;
  const AudioBuffer input = buffer;
  const auto frames = static_cast<std::int64_t>(buffer.frames());
  const double wowStep = 2.0 * std::numbers::pi * options_.wowHz / rate;
  const double flutterStep = 2.0 * std::numbers::pi * options_.flutterHz / rate;
  for (std::int64_t frame = 0; frame < frames; ++frame) {
    const double delay = centre + wowFrames * std::sin(wowStep * frame) + flutterFrames * std::sin(flutterStep * frame);
    const double readAt = static_cast<double>(frame) - delay;
    const auto index = static_cast<std::int64_t>(std::floor(readAt));
    const auto t = static_cast<float>(readAt - index);
    for (int channel = 0; channel < buffer.channels; ++channel) {
      auto sampleAt = [&](std::int64_t i) {
        return i >= 0 && i < frames ? input.samples[static_cast<std::size_t>(i * buffer.channels + channel)] : 0.0f;
      };
      buffer.samples[static_cast<std::size_t>(frame * buffer.channels + channel)] =
          cubic(sampleAt(index - 1), sampleAt(index), sampleAt(index + 1), sampleAt(index + 2), t);
    }
  }
}

}  // namespace lofi
