// Test signals and measurements shared by the audio tests.
#pragma once

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

#include "audio/audio_buffer.h"

namespace lofi::test {

inline AudioBuffer sine(double frequencyHz, double seconds, double amplitude = 0.5, int sampleRate = 44100,
                        int channels = 1) {
  AudioBuffer buffer(sampleRate, channels, static_cast<std::size_t>(seconds * sampleRate));
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
    const auto value = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * frequencyHz * frame / sampleRate));
    for (int channel = 0; channel < channels; ++channel) buffer.at(frame, channel) = value;
  }
  return buffer;
}

// Energy of one frequency in a mono signal (a single DFT bin, Hann-windowed).
inline double toneMagnitude(const std::vector<float>& samples, double frequencyHz, int sampleRate) {
  std::complex<double> sum = 0;
  const std::size_t n = samples.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double window = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * i / (n - 1));
    sum += samples[i] * window * std::polar(1.0, -2 * std::numbers::pi * frequencyHz * i / sampleRate);
  }
  return std::abs(sum) / n;
}

// Mean power of a mono signal in a frequency band, from a naive DFT over a
// few hundred probe frequencies: slow but enough for short test signals.
inline double bandPower(const std::vector<float>& samples, double lowHz, double highHz, int sampleRate,
                        int probes = 24) {
  double sum = 0;
  for (int k = 0; k < probes; ++k) {
    const double f = lowHz + (highHz - lowHz) * (k + 0.5) / probes;
    const double m = toneMagnitude(samples, f, sampleRate);
    sum += m * m;
  }
  return sum / probes;
}

}  // namespace lofi::test
