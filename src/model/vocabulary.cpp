#include "model/vocabulary.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace lofi {

Vocabulary Vocabulary::build(const std::vector<Tokens>& sequences, const std::vector<std::string>& specials) {
  std::set<std::string> distinct;
  for (const Tokens& sequence : sequences) distinct.insert(sequence.begin(), sequence.end());
  std::vector<std::string> tokens = specials;
  for (const std::string& token : distinct)
    if (std::find(specials.begin(), specials.end(), token) == specials.end()) tokens.push_back(token);
  return fromList(std::move(tokens), specials.size());
}

Vocabulary Vocabulary::fromList(std::vector<std::string> tokens, std::size_t specialCount) {
  if (specialCount > tokens.size()) throw std::invalid_argument("vocabulary: more special tokens than tokens");
  Vocabulary vocabulary;
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    if (tokens[index].empty()) throw std::invalid_argument("vocabulary: token " + std::to_string(index) + " is empty");
    if (!vocabulary.indexOf_.emplace(tokens[index], static_cast<int>(index)).second)
      throw std::invalid_argument("vocabulary: token '" + tokens[index] + "' appears twice");
  }
  vocabulary.tokens_ = std::move(tokens);
  vocabulary.specialCount_ = specialCount;
  return vocabulary;
}

const std::string& Vocabulary::token(int index) const {
  if (index < 0 || static_cast<std::size_t>(index) >= tokens_.size())
    throw std::out_of_range("token index " + std::to_string(index) + " outside the vocabulary of " +
                            std::to_string(tokens_.size()));
  return tokens_[index];
}

std::optional<int> Vocabulary::find(const std::string& token) const {
  const auto found = indexOf_.find(token);
  if (found == indexOf_.end()) return std::nullopt;
  return found->second;
}

std::vector<int> Vocabulary::encode(const Tokens& tokens, std::size_t* unknownCount) const {
  std::vector<int> indices;
  indices.reserve(tokens.size());
  std::size_t unknown = 0;
  for (const std::string& token : tokens) {
    if (const auto index = find(token)) indices.push_back(*index);
    else ++unknown;
  }
  if (unknownCount) *unknownCount = unknown;
  return indices;
}

Tokens Vocabulary::decode(std::span<const int> indices) const {
  Tokens tokens;
  tokens.reserve(indices.size());
  for (int index : indices)
    if (!isSpecial(index)) tokens.push_back(token(index));
  return tokens;
}

}  // namespace lofi
