#include "music/token_transposer.h"

#include "music/classic_transposer.h"
#include "music/timed_transposer.h"

namespace lofi {

std::unique_ptr<TokenTransposer> makeTokenTransposer(const std::string& encodingName) {
  if (encodingName == "classic") return std::make_unique<ClassicTransposer>();
  if (encodingName == "timed") return std::make_unique<TimedTransposer>();
  return nullptr;
}

}  // namespace lofi
