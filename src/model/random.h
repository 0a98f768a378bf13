// A small seeded random source whose sequence is fixed by this code alone (the
// standard distributions differ between library versions), so that a seed
// gives the same data order and the same music everywhere.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace lofi {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}

  // SplitMix64.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, bound); bound > 0. Lemire's multiply-shift, bias below 2^-32 for our sizes.
  std::uint64_t below(std::uint64_t bound) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * bound) >> 64);
  }

  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::uint64_t state_;
};

// Mixes several numbers into one seed, e.g. (training seed, epoch).
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t salt) {
  SeededRandom random(seed ^ (salt * 0xD1B54A32D192ED03ULL));
  return random.next();
}

}  // namespace lofi
