// The composer draws from the project's one seeded random source
// (common/seeded_random.h); here, how each piece of a corpus gets its seed.
#pragma once

#include <cstdint>

#include "common/seeded_random.h"

namespace lofi::composer {

// The seed of piece `index` of a corpus: pieces are independent of each
// other, so the n-th piece is the same whether 10 or 2,000 are written.
std::uint64_t pieceSeed(std::uint64_t corpusSeed, std::uint64_t index);

}  // namespace lofi::composer
