// A second-order IIR filter (the "RBJ cookbook" designs) with its state, for
// one channel. Low-pass, high-pass, band-pass, shelves and peaks are all built
// from this one small class.
#pragma once

namespace lofi::dsp {

struct BiquadCoefficients {
  double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;  // normalised so that a0 = 1

  static BiquadCoefficients lowPass(double sampleRate, double cutoffHz, double q = 0.7071);
  static BiquadCoefficients highPass(double sampleRate, double cutoffHz, double q = 0.7071);
  // Constant 0 dB peak gain at the centre frequency.
  static BiquadCoefficients bandPass(double sampleRate, double centreHz, double q);
  static BiquadCoefficients highShelf(double sampleRate, double cornerHz, double gainDb, double q = 0.7071);
  static BiquadCoefficients peaking(double sampleRate, double centreHz, double gainDb, double q);

  // Magnitude response in dB at a frequency (for tests and sanity checks).
  double gainDbAt(double sampleRate, double frequencyHz) const;
};

class Biquad {
 public:
  Biquad() = default;
  explicit Biquad(const BiquadCoefficients& coefficients) : c_(coefficients) {}

  void setCoefficients(const BiquadCoefficients& coefficients) { c_ = coefficients; }
  const BiquadCoefficients& coefficients() const { return c_; }
  void reset() { z1_ = z2_ = 0; }

  // Transposed direct form II: good numerical behaviour in floating point.
  float process(float input) {
    const double output = c_.b0 * input + z1_;
    z1_ = c_.b1 * input - c_.a1 * output + z2_;
    z2_ = c_.b2 * input - c_.a2 * output;
    return static_cast<float>(output);
  }

 private:
  BiquadCoefficients c_;
  double z1_ = 0, z2_ = 0;
};

}  // namespace lofi::dsp
