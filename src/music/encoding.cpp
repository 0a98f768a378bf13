#include "music/encoding.h"

#include <functional>
#include <stdexcept>
#include <utility>

#include "music/classic_encoding.h"
#include "music/timed_encoding.h"

namespace lofi {
namespace {

using Factory = std::function<std::unique_ptr<Encoding>()>;

const std::vector<std::pair<std::string, Factory>>& registry() {
  static const std::vector<std::pair<std::string, Factory>> entries = {
      {"classic", [] { return std::make_unique<ClassicEncoding>(); }},
      {"timed", [] { return std::make_unique<TimedEncoding>(); }},
  };
  return entries;
}

}  // namespace

std::unique_ptr<Encoding> makeEncoding(const std::string& name) {
  for (const auto& [entryName, factory] : registry())
    if (entryName == name) return factory();
  std::string known;
  for (const std::string& entry : encodingNames()) known += (known.empty() ? "" : ", ") + entry;
  throw std::invalid_argument("unknown encoding '" + name + "' (known: " + known + ")");
}

std::vector<std::string> encodingNames() {
  std::vector<std::string> names;
  for (const auto& entry : registry()) names.push_back(entry.first);
  return names;
}

}  // namespace lofi
