// Gentle tape saturation: a soft, slightly asymmetric tanh curve. Quiet
// sounds pass almost unchanged; loud peaks are rounded off, adding the odd
// and (through the asymmetry) even harmonics of a warm tape.
#pragma once

#include "audio/lofi_chain/effect.h"

namespace lofi {

struct TapeSaturationOptions {
  double drive = 1.5;  // how hard the curve bends; 0 would be a straight line
  double bias = 0.1;   // asymmetry: even harmonics
  double mix = 1.0;    // 0 = dry, 1 = only the saturated signal
};

class TapeSaturation : public Effect {
 public:
  explicit TapeSaturation(TapeSaturationOptions options = {}) : options_(options) {}
  void process(AudioBuffer& buffer) const override;
  std::string name() const override { return "tape saturation"; }

  // The transfer curve: monotonic, slope 1 at zero, shape(0) = 0, and
  // |shape(x)| < 1 for every x.
  double shape(double x) const;

 private:
  TapeSaturationOptions options_;
};

}  // namespace lofi
