// Coloured noise from the seeded random source: white (flat), pink (-3 dB
// per octave, like rain on a roof) and brown (-6 dB per octave, a rumble).
#pragma once

#include "common/seeded_random.h"

namespace lofi::dsp {

class PinkNoise {
 public:
  explicit PinkNoise(std::uint64_t seed) : random_(seed) {}
  // Paul Kellet's filter: within 0.05 dB of -3 dB/octave above 10 Hz at 44.1 kHz.
  float next() {
    const double white = random_.bipolar();
    b0_ = 0.99886 * b0_ + white * 0.0555179;
    b1_ = 0.99332 * b1_ + white * 0.0750759;
    b2_ = 0.96900 * b2_ + white * 0.1538520;
    b3_ = 0.86650 * b3_ + white * 0.3104856;
    b4_ = 0.55000 * b4_ + white * 0.5329522;
    b5_ = -0.7616 * b5_ - white * 0.0168980;
    const double pink = b0_ + b1_ + b2_ + b3_ + b4_ + b5_ + b6_ + white * 0.5362;
    b6_ = white * 0.115926;
    return static_cast<float>(pink * 0.11);  // about the RMS of uniform white noise
  }

 private:
  SeededRandom random_;
  double b0_ = 0, b1_ = 0, b2_ = 0, b3_ = 0, b4_ = 0, b5_ = 0, b6_ = 0;
};

class BrownNoise {
 public:
  explicit BrownNoise(std::uint64_t seed) : random_(seed) {}
  // A leaky integrator of white noise: the leak keeps it from wandering off.
  float next() {
    state_ = 0.998 * state_ + 0.06 * random_.bipolar();
    return static_cast<float>(state_);
  }

 private:
  SeededRandom random_;
  double state_ = 0;
};

}  // namespace lofi::dsp
