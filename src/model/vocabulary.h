// Tokens <-> indices. Special tokens (padding, begin and end of a piece) come
// first, then every token of the data in byte order, as the seed's
// `sorted(set(notes))`. The list is saved in the model file.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "music/encoding.h"

namespace lofi {

inline constexpr const char* kPadToken = "<pad>";
inline constexpr const char* kBeginToken = "<bos>";
inline constexpr const char* kEndToken = "<eos>";

class Vocabulary {
 public:
  Vocabulary() = default;
  // `specials` first, in order, then the distinct tokens of `sequences` sorted.
  static Vocabulary build(const std::vector<Tokens>& sequences, const std::vector<std::string>& specials);
  // From a saved list; throws std::invalid_argument on an empty or repeated token.
  static Vocabulary fromList(std::vector<std::string> tokens, std::size_t specialCount);

  std::size_t size() const { return tokens_.size(); }
  std::size_t specialCount() const { return specialCount_; }
  const std::vector<std::string>& tokens() const { return tokens_; }
  // Throws std::out_of_range naming the index.
  const std::string& token(int index) const;
  std::optional<int> find(const std::string& token) const;
  bool isSpecial(int index) const { return index >= 0 && static_cast<std::size_t>(index) < specialCount_; }
  // Index of a special token, if this vocabulary has it (the seed preset has none).
  std::optional<int> pad() const { return find(kPadToken); }
  std::optional<int> begin() const { return find(kBeginToken); }
  std::optional<int> end() const { return find(kEndToken); }

  // Tokens to indices; tokens outside the vocabulary are left out and counted.
  std::vector<int> encode(const Tokens& tokens, std::size_t* unknownCount = nullptr) const;
  // Indices to tokens, leaving out special tokens.
  Tokens decode(std::span<const int> indices) const;

  bool operator==(const Vocabulary& other) const { return tokens_ == other.tokens_ && specialCount_ == other.specialCount_; }

 private:
  std::vector<std::string> tokens_;
  std::size_t specialCount_ = 0;
  std::unordered_map<std::string, int> indexOf_;
};

}  // namespace lofi
