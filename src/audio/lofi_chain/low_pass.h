// Low-pass: cascaded biquads (12 dB per octave each) that take the air off
// the top, as an old sampler or a cassette does.
#pragma once

#include "audio/lofi_chain/effect.h"

namespace lofi {

struct LowPassOptions {
  double cutoffHz = 5000;
  double q = 0.7071;  // Butterworth: no bump at the corner
  int stages = 2;     // two biquads: 24 dB per octave
};

class LowPass : public Effect {
 public:
  explicit LowPass(LowPassOptions options = {}) : options_(options) {}
  void process(AudioBuffer& buffer) const override;
  std::string name() const override { return "low-pass"; }

 private:
  LowPassOptions options_;
};

}  // namespace lofi
