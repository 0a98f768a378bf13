// Wow and flutter: the slow and fast pitch drift of a worn tape transport,
// made by reading the sound through a delay whose length is modulated. A
// delay changing at rate d'(t) plays the sound at speed 1 - d'(t), so a sine
// modulation of amplitude A seconds at f Hz bends the pitch by up to 2 pi f A.
#pragma once

#include <cstdint>

#include "audio/lofi_chain/effect.h"

namespace lofi {

struct WowFlutterOptions {
  double wowHz = 0.5;         // slow drift
  double wowCents = 8.0;      // its peak pitch deviation
  double flutterHz = 6.0;     // fast wobble
  double flutterCents = 2.0;  // its peak pitch deviation
};

class WowFlutter : public Effect {
 public:
  explicit WowFlutter(WowFlutterOptions options = {}) : options_(options) {}
  void process(AudioBuffer& buffer) const override;
  std::string name() const override { return "wow and flutter"; }

  // Delay modulation amplitude (seconds) that bends the pitch by `cents` at `rateHz`.
  static double delayAmplitudeFor(double cents, double rateHz);

 private:
  WowFlutterOptions options_;
};

}  // namespace lofi
