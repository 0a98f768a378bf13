// The random draws the composer makes. The engine is std::mt19937_64, whose
// output the C++ standard fixes, and every draw below is written here rather
// than taken from std::uniform_*_distribution (whose results differ between
// standard libraries), so one seed gives the same corpus everywhere.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <stdexcept>
#include <vector>

namespace lofi::composer {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // 0 <= value < bound, without modulo bias. bound must be positive.
  int below(int bound);
  // lowest <= value <= highest.
  int between(int lowest, int highest);
  // True `percent` times in a hundred.
  bool chance(int percent);
  // An index drawn with probability proportional to its weight. Weights are
  // integers so that no floating-point rounding can change a choice.
  std::size_t weighted(std::span<const int> weights);

  template <typename T>
  const T& pick(const std::vector<T>& items) {
    if (items.empty()) throw std::invalid_argument("Random::pick: nothing to pick from");
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

 private:
  std::mt19937_64 engine_;
};

// The seed of piece `index` of a corpus: pieces are independent of each
// other, so the n-th piece is the same whether 10 or 2,000 are written.
std::uint64_t pieceSeed(std::uint64_t corpusSeed, std::uint64_t index);

}  // namespace lofi::composer
