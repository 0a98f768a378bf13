#include "audio/lofi_chain/bit_crusher.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lofi {

float BitCrusher::quantize(float sample) const {
  const int bits = std::clamp(options_.bits, 1, 24);
  const double half = std::ldexp(1.0, bits - 1);  // levels -half .. half-1, times 1/half
  const double level = std::clamp(std::round(sample * half), -half, half - 1);
  return static_cast<float>(level / half);
}

void BitCrusher::process(AudioBuffer& buffer) const {
  // A phase accumulator decides when the held value is refreshed, so that
  // rates that do not divide the input rate still hold for the right time on average.
  const double step = std::min(1.0, options_.targetRate / buffer.sampleRate);
  std::vector<float> held(static_cast<std::size_t>(buffer.channels), 0.0f);
  double phase = 1.0;
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
    const bool refresh = phase >= 1.0;
    if (refresh) phase -= 1.0;
    phase += step;
    for (int channel = 0; channel < buffer.channels; ++channel) {
      if (refresh) held[static_cast<std::size_t>(channel)] = quantize(buffer.at(frame, channel));
      buffer.at(frame, channel) = held[static_cast<std::size_t>(channel)];
    }
  }
}

}  // namespace lofi
