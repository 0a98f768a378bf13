// Sample-rate and bit-depth reduction, the sound of a 12-bit sampler: each
// sample is held for 1/targetRate seconds (with no anti-alias filter, on
// purpose) and rounded to one of 2^bits levels.
#pragma once

#include "audio/lofi_chain/effect.h"

namespace lofi {

struct BitCrusherOptions {
  int bits = 12;               // 1..24
  double targetRate = 26040;   // the SP-1200's rate; at or above the input rate means no reduction
};

class BitCrusher : public Effect {
 public:
  explicit BitCrusher(BitCrusherOptions options = {}) : options_(options) {}
  void process(AudioBuffer& buffer) const override;
  std::string name() const override { return "bit crusher"; }

  // Rounds to the nearest of 2^bits evenly spaced levels in [-1, 1).
  float quantize(float sample) const;

 private:
  BitCrusherOptions options_;
};

}  // namespace lofi
