#include "model/token_corpus.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/atomic_file.h"

namespace lofi {
namespace {

bool isJsonPath(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  return extension == ".json" || extension == ".JSON";
}

Tokens tokensOf(const nlohmann::json& value, const std::string& where) {
  if (!value.is_array()) throw std::runtime_error(where + ": \"tokens\" must be an array of strings");
  Tokens tokens;
  tokens.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string() || value[i].get_ref<const std::string&>().empty())
      throw std::runtime_error(where + ": token " + std::to_string(i) + " is not a non-empty string");
    tokens.push_back(value[i].get<std::string>());
  }
  return tokens;
}

}  // namespace

std::size_t TokenCorpus::tokenCount() const {
  std::size_t count = 0;
  for (const Piece& piece : pieces) count += piece.tokens.size();
  return count;
}

TokenCorpus parseTokenCorpus(const std::string& text, const std::string& where) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::runtime_error(where + ": invalid JSON at byte " + std::to_string(error.byte));
  }
  if (!json.is_object() || !json.contains("files") || !json["files"].is_array())
    throw std::runtime_error(where + ": expected an object with a \"files\" list");
  TokenCorpus corpus;
  if (json.contains("encoding")) {
    if (!json["encoding"].is_string()) throw std::runtime_error(where + ": \"encoding\" must be a string");
    corpus.encoding = json["encoding"].get<std::string>();
  }
  for (std::size_t i = 0; i < json["files"].size(); ++i) {
    const nlohmann::json& entry = json["files"][i];
    const std::string entryWhere = where + ": files[" + std::to_string(i) + "]";
    if (!entry.is_object() || !entry.contains("tokens")) throw std::runtime_error(entryWhere + " has no \"tokens\"");
    std::string name = "piece-" + std::to_string(i);
    if (entry.contains("file") && entry["file"].is_string()) name = entry["file"].get<std::string>();
    corpus.pieces.push_back({name, tokensOf(entry["tokens"], entryWhere)});
  }
  return corpus;
}

TokenCorpus readTokenCorpus(const std::string& path, const std::string& encoding,
                            const std::vector<std::string>& parts) {
  if (!std::filesystem::exists(path)) throw std::runtime_error(path + ": no such file or folder");
  if (isJsonPath(path)) {
    TokenCorpus corpus = parseTokenCorpus(readFileToString(path, std::size_t{1} << 30), path);
    if (corpus.encoding.empty()) corpus.encoding = encoding.empty() ? "classic" : encoding;
    if (!encoding.empty() && corpus.encoding != encoding)
      throw std::runtime_error(path + ": tokens are in the '" + corpus.encoding + "' encoding, not '" + encoding + "'");
    if (!parts.empty())
      throw std::runtime_error(path + ": parts can only be chosen from MIDI files; these are tokens already");
    return corpus;
  }
  const std::string encodingName = encoding.empty() ? "classic" : encoding;
  const auto encoder = makeEncoding(encodingName);
  EncodedCorpus encoded = encodeCorpus(path, *encoder, parts);
  TokenCorpus corpus;
  corpus.encoding = encodingName;
  for (EncodedFile& file : encoded.files) corpus.pieces.push_back({file.file, std::move(file.tokens)});
  corpus.skipped = std::move(encoded.skipped);
  return corpus;
}

}  // namespace lofi
