#include "music/token_transposer.h"

#include "music/classic_transposer.h"

namespace lofi {

std::unique_ptr<TokenTransposer> makeTokenTransposer(const std::string& encodingName) {
  if (encodingName == "classic") return std::make_unique<ClassicTransposer>();
  // The timed encoding registers its transposer here once it exists.
  return nullptr;
}

}  // namespace lofi
