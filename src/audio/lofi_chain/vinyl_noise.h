// Vinyl crackle and hiss laid over the sound: a soft bed of filtered white
// noise, and sparse clicks at random moments (a Poisson process) with random
// size and polarity, each a few samples long.
#pragma once

#include <cstdint>

#include "audio/lofi_chain/effect.h"

namespace lofi {

struct VinylNoiseOptions {
  double hissDb = -50.0;          // RMS of the hiss, dBFS
  double hissLowPassHz = 7000;    // hiss colour
  double cracklesPerSecond = 5.0;
  double crackleDb = -26.0;       // typical click peak, dBFS (sizes spread around it)
  std::uint64_t seed = 33;
};

class VinylNoise : public Effect {
 public:
  explicit VinylNoise(VinylNoiseOptions options = {}) : options_(options) {}
  void process(AudioBuffer& buffer) const override;
  std::string name() const override { return "vinyl crackle and hiss"; }

 private:
  VinylNoiseOptions options_;
};

// Adds clicks to one channel of `buffer` at `ratePerSecond`, with peaks around
// `peakDb`. Frames wrap around the end, so that a loop's clicks never break at the seam.
void addCrackles(AudioBuffer& buffer, int channel, double ratePerSecond, double peakDb, std::uint64_t seed);

}  // namespace lofi
