#include "audio/lofi_chain/tape_saturation.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lofi {

double TapeSaturation::shape(double x) const {
  const double drive = std::max(options_.drive, 1e-3);
  const double offset = std::tanh(drive * options_.bias);
  const double slopeAtZero = drive * (1.0 - offset * offset);  // d/dx tanh(drive (x + bias)) at x = 0
  // Dividing by the slope keeps quiet signals at their level; the bound keeps
  // the curve inside -1..1 whatever the drive.
  const double bound = std::max(1.0, (1.0 + std::abs(offset)) / slopeAtZero);
  return (std::tanh(drive * (x + options_.bias)) - offset) / slopeAtZero / bound;
}

void TapeSaturation::process(AudioBuffer& buffer) const {
  // The asymmetric curve shifts the average a little: a 10 Hz one-pole
  // high-pass per channel takes that offset out again.
  const double dcCoefficient = std::exp(-2.0 * std::numbers::pi * 10.0 / buffer.sampleRate);
  const auto mix = static_cast<float>(std::clamp(options_.mix, 0.0, 1.0));
  for (int channel = 0; channel < buffer.channels; ++channel) {
    double previousIn = 0, previousOut = 0;
    for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
      float& sample = buffer.at(frame, channel);
      const double wet = shape(sample);
      const double blocked = wet - previousIn + dcCoefficient * previousOut;
      previousIn = wet;
      previousOut = blocked;
      sample = (1.0f - mix) * sample + mix * static_cast<float>(blocked);
    }
  }
}

}  // namespace lofi
