#include "music/encoding.h"

#include <functional>
#include <stdexcept>
#include <utility>

#include "music/classic/classic_encoding.h"
#include "music/score_io.h"
#include "music/timed/timed_encoding.h"

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

Tokens Encoding::encodeMidi(const midi::File& file) const { return encode(scoreFromMidi(file)); }

Score Encoding::decode(const Tokens& tokens, const DecodeOptions& options) const {
  const std::unique_ptr<TokenReader> decoder = reader(options);
  for (const std::string& token : tokens) decoder->read(token);
  decoder->checkEnd();
  return decoder->score();
}

std::size_t Encoding::decodablePrefix(const Tokens& tokens) const {
  const std::unique_ptr<TokenReader> decoder = reader(DecodeOptions{});
  try {
    for (const std::string& token : tokens) decoder->read(token);
  } catch (const std::invalid_argument&) {
    // The tokens before this one are the prefix.
  }
  return decoder->completeTokens();
}

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
