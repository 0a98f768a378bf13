#include "audio/lofi_chain/bit_crusher.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lofi {

namespace {

// Levels are -half .. half-1, times 1/half.
float quantizeTo(float sample, float half) {
  const float level = std::clamp(std::nearbyint(sample * half), -half, half - 1.0f);
  return level / half;
}

float halfRangeOf(int bits) { return std::ldexp(1.0f, std::clamp(bits, 1, 24) - 1); }

}  // namespace

float BitCrusher::quantize(float sample) const { return quantizeTo(sample, halfRangeOf(options_.bits)); }

void BitCrusher::process(AudioBuffer& buffer) const {
  // A phase accumulator decides when the held value is refreshed, so that
  // rates that do not divide the input rate still hold for the right time on average.
  const double step = std::min(1.0, options_.targetRate / buffer.sampleRate);
  std::vector<float> held(static_cast<std::size_t>(buffer.channels), 0.0f);
  const float half = halfRangeOf(options_.bits);
  double phase = 1.0;
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
    const bool refresh = phase >= 1.0;
    if (refresh) phase -= 1.0;
    phase += step;
    for (int channel = 0; channel < buffer.channels; ++channel) {
      if (refresh) held[static_cast<std::size_t>(channel)] = quantizeTo(buffer.at(frame, channel), half);
      buffer.at(frame, channel) = held[static_cast<std::size_t>(channel)];
    }
  }
}

}  // namespace lofi
