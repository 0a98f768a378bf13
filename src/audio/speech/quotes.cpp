#include "audio/speech/quotes.h"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

#include "audio/audio_file.h"
#include "common/atomic_file.h"

namespace lofi {
namespace {

std::string requiredString(const nlohmann::json& entry, const char* field, const std::string& where) {
  if (!entry.contains(field) || !entry[field].is_string() || entry[field].get<std::string>().empty())
    throw std::runtime_error(where + ": \"" + field + "\" must be a non-empty string");
  return entry[field].get<std::string>();
}

bool isFileNameFriendly(const std::string& id) {
  for (unsigned char c : id)
    if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

std::vector<Quote> parseQuotes(const std::string& text, const std::string& nameForErrors) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::runtime_error(nameForErrors + ": invalid JSON at byte " + std::to_string(error.byte));
  }
  if (!json.is_array()) throw std::runtime_error(nameForErrors + ": expected a list of quotes");
  std::vector<Quote> quotes;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const std::string where = nameForErrors + ": quote " + std::to_string(i);
    if (!json[i].is_object()) throw std::runtime_error(where + ": expected an object");
    Quote quote{requiredString(json[i], "id", where), requiredString(json[i], "text", where),
                requiredString(json[i], "author", where), requiredString(json[i], "source", where)};
    if (!isFileNameFriendly(quote.id)) throw std::runtime_error(where + ": \"id\" may hold only letters, digits, - and _");
    if (!ids.insert(quote.id).second) throw std::runtime_error(where + ": \"id\" '" + quote.id + "' is used twice");
    if (quote.text.size() > kMaxSpokenCharacters)
      throw std::runtime_error(where + ": \"text\" is longer than " + std::to_string(kMaxSpokenCharacters) + " characters");
    quotes.push_back(std::move(quote));
  }
  return quotes;
}

std::vector<Quote> readQuotes(const std::string& path) { return parseQuotes(readFileToString(path, 1 << 20), path); }

AudioBuffer speakQuote(const std::string& text, const SpeechOptions& voice, const RadioVoiceOptions& radio) {
  return radioVoice(speak(text, voice), radio);
}

std::vector<std::uint8_t> speakQuoteOgg(const std::string& text) {
  return encodeAudio(speakQuote(text), AudioFormat::OggVorbis, {0.3});
}

}  // namespace lofi
