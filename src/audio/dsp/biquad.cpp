#include "audio/dsp/biquad.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace lofi::dsp {
namespace {

struct Raw {
  double b0, b1, b2, a0, a1, a2;
};

BiquadCoefficients normalise(const Raw& raw) {
  return {raw.b0 / raw.a0, raw.b1 / raw.a0, raw.b2 / raw.a0, raw.a1 / raw.a0, raw.a2 / raw.a0};
}

// Keeps the design frequency strictly inside (0, Nyquist).
double omega(double sampleRate, double frequencyHz) {
  const double clamped = std::clamp(frequencyHz, 1.0, sampleRate * 0.499);
  return 2.0 * std::numbers::pi * clamped / sampleRate;
}

}  // namespace

BiquadCoefficients BiquadCoefficients::lowPass(double sampleRate, double cutoffHz, double q) {
  const double w = omega(sampleRate, cutoffHz), cosw = std::cos(w), alpha = std::sin(w) / (2 * q);
  return normalise({(1 - cosw) / 2, 1 - cosw, (1 - cosw) / 2, 1 + alpha, -2 * cosw, 1 - alpha});
}

BiquadCoefficients BiquadCoefficients::highPass(double sampleRate, double cutoffHz, double q) {
  const double w = omega(sampleRate, cutoffHz), cosw = std::cos(w), alpha = std::sin(w) / (2 * q);
  return normalise({(1 + cosw) / 2, -(1 + cosw), (1 + cosw) / 2, 1 + alpha, -2 * cosw, 1 - alpha});
}

BiquadCoefficients BiquadCoefficients::bandPass(double sampleRate, double centreHz, double q) {
  const double w = omega(sampleRate, centreHz), cosw = std::cos(w), alpha = std::sin(w) / (2 * q);
  return normalise({alpha, 0, -alpha, 1 + alpha, -2 * cosw, 1 - alpha});
}

BiquadCoefficients BiquadCoefficients::highShelf(double sampleRate, double cornerHz, double gainDb, double q) {
  const double a = std::pow(10.0, gainDb / 40.0);
  const double w = omega(sampleRate, cornerHz), cosw = std::cos(w), alpha = std::sin(w) / (2 * q);
  const double rootA = 2 * std::sqrt(a) * alpha;
  return normalise({a * ((a + 1) + (a - 1) * cosw + rootA), -2 * a * ((a - 1) + (a + 1) * cosw),
                    a * ((a + 1) + (a - 1) * cosw - rootA), (a + 1) - (a - 1) * cosw + rootA,
                    2 * ((a - 1) - (a + 1) * cosw), (a + 1) - (a - 1) * cosw - rootA});
}

BiquadCoefficients BiquadCoefficients::peaking(double sampleRate, double centreHz, double gainDb, double q) {
  const double a = std::pow(10.0, gainDb / 40.0);
  const double w = omega(sampleRate, centreHz), cosw = std::cos(w), alpha = std::sin(w) / (2 * q);
  return normalise({1 + alpha * a, -2 * cosw, 1 - alpha * a, 1 + alpha / a, -2 * cosw, 1 - alpha / a});
}

double BiquadCoefficients::gainDbAt(double sampleRate, double frequencyHz) const {
  const std::complex<double> z = std::polar(1.0, -2.0 * std::numbers::pi * frequencyHz / sampleRate);
  const std::complex<double> numerator = b0 + b1 * z + b2 * z * z;
  const std::complex<double> denominator = 1.0 + a1 * z + a2 * z * z;
  return 20.0 * std::log10(std::abs(numerator / denominator));
}

}  // namespace lofi::dsp
