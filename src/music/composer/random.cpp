#include "music/composer/random.h"

namespace lofi::composer {

std::uint64_t pieceSeed(std::uint64_t corpusSeed, std::uint64_t index) {
  // SplitMix64 of the pair: neighbouring indices give unrelated seeds.
  std::uint64_t z = corpusSeed * 0x9E3779B97F4A7C15ULL + (index + 1) * 0xD1B54A32D192ED03ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace lofi::composer
