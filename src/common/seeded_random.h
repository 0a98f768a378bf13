// The project's one seeded random source (SplitMix64), whose sequence is
// fixed by this code alone: every draw below is written here rather than
// taken from std::uniform_*_distribution (whose results differ between
// standard libraries), so a seed gives the same corpus, data order, music and
// noise on every machine.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

namespace lofi {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed = 1) : state_(seed) {}

  // SplitMix64.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Uniform in [-1, 1): white noise.
  float bipolar() { return static_cast<float>(2.0 * uniform() - 1.0); }
  // Waiting time of a Poisson process with `ratePerUnit` events per unit.
  double exponential(double ratePerUnit) { return -std::log(1.0 - uniform()) / ratePerUnit; }
  bool chance(double probability) { return uniform() < probability; }
  // True `percent` times in a hundred.
  bool chancePercent(int percent) { return below(100) < static_cast<std::uint64_t>(std::max(0, percent)); }

  // Uniform in [0, bound); bound > 0. Lemire's multiply-shift, bias below 2^-32 for our sizes.
  std::uint64_t below(std::uint64_t bound) {
    if (bound == 0) throw std::invalid_argument("SeededRandom::below: bound must be positive");
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * bound) >> 64);
  }
  // lowest <= value <= highest.
  int between(int lowest, int highest) {
    if (highest < lowest) throw std::invalid_argument("SeededRandom::between: empty range");
    return lowest + static_cast<int>(below(static_cast<std::uint64_t>(highest - lowest) + 1));
  }
  // An index drawn with probability proportional to its weight. Weights are
  // integers so that no floating-point rounding can change a choice.
  std::size_t weighted(std::span<const int> weights) {
    long long total = 0;
    for (int weight : weights) {
      if (weight < 0) throw std::invalid_argument("SeededRandom::weighted: negative weight");
      total += weight;
    }
    if (total <= 0) throw std::invalid_argument("SeededRandom::weighted: weights must have a positive sum");
    long long draw = static_cast<long long>(below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      draw -= weights[i];
      if (draw < 0) return i;
    }
    return weights.size() - 1;  // unreachable: draw < total
  }

  template <typename T>
  const T& pick(const std::vector<T>& items) {
    if (items.empty()) throw std::invalid_argument("SeededRandom::pick: nothing to pick from");
    return items[below(items.size())];
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
