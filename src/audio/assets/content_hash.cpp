#include "audio/assets/content_hash.h"

#include <cstdio>

#include "common/atomic_file.h"

namespace lofi {

std::string ContentHash::hex() const {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(state_));
  return text;
}

std::string hashFile(const std::string& path) { return ContentHash().add(readFileToString(path)).hex(); }

}  // namespace lofi
