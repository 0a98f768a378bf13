#include "music/composer/random.h"

namespace lofi::composer {

int Random::below(int bound) {
  if (bound <= 0) throw std::invalid_argument("Random::below: bound must be positive");
  const std::uint64_t range = static_cast<std::uint64_t>(bound);
  // Reject the top partial block of the 64-bit range so every value is equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  std::uint64_t value = engine_();
  while (value >= limit) value = engine_();
  return static_cast<int>(value % range);
}

int Random::between(int lowest, int highest) {
  if (highest < lowest) throw std::invalid_argument("Random::between: empty range");
  return lowest + below(highest - lowest + 1);
}

bool Random::chance(int percent) { return below(100) < percent; }

std::size_t Random::weighted(std::span<const int> weights) {
  long long total = 0;
  for (int weight : weights) {
    if (weight < 0) throw std::invalid_argument("Random::weighted: negative weight");
    total += weight;
  }
  if (total <= 0 || total > INT32_MAX) throw std::invalid_argument("Random::weighted: weights must sum to 1..2^31-1");
  long long draw = below(static_cast<int>(total));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    draw -= weights[i];
    if (draw < 0) return i;
  }
  return weights.size() - 1;  // unreachable: draw < total
}

std::uint64_t pieceSeed(std::uint64_t corpusSeed, std::uint64_t index) {
  // SplitMix64 of the pair: neighbouring indices give unrelated seeds.
  std::uint64_t z = corpusSeed * 0x9E3779B97F4A7C15ULL + (index + 1) * 0xD1B54A32D192ED03ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace lofi::composer
