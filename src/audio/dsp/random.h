// A small, fast, seeded random source (SplitMix64): the same seed gives the
// same noise on every machine, so every rendered asset is reproducible.
#pragma once

#include <cmath>
#include <cstdint>

namespace lofi::dsp {

class Random {
 public:
  explicit Random(std::uint64_t seed = 1) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Uniform in [-1, 1): white noise.
  float bipolar() { return static_cast<float>(2.0 * uniform() - 1.0); }
  // Waiting time of a Poisson process with `ratePerUnit` events per unit.
  double exponential(double ratePerUnit) { return -std::log(1.0 - uniform()) / ratePerUnit; }
  bool chance(double probability) { return uniform() < probability; }

 private:
  std::uint64_t state_;
};

}  // namespace lofi::dsp
