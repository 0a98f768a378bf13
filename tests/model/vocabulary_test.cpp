#include "model/vocabulary.h"

#include <gtest/gtest.h>

namespace lofi {
namespace {

TEST(Vocabulary, SpecialsFirstThenTokensInByteOrderAsTheSeedsSortedSet) {
  const Vocabulary vocabulary = Vocabulary::build({{"r", "C4", "0.4.7"}, {"B-3", "C4", "r"}}, {kPadToken, kBeginToken, kEndToken});
  const std::vector<std::string> expected = {"<pad>", "<bos>", "<eos>", "0.4.7", "B-3", "C4", "r"};
  EXPECT_EQ(vocabulary.tokens(), expected);
  EXPECT_EQ(vocabulary.specialCount(), 3u);
  EXPECT_EQ(vocabulary.pad(), 0);
  EXPECT_EQ(vocabulary.begin(), 1);
  EXPECT_EQ(vocabulary.end(), 2);
  EXPECT_EQ(vocabulary.find("C4"), 5);
  EXPECT_FALSE(vocabulary.find("D4"));
}

TEST(Vocabulary, SeedVocabularyHasNoSpecialTokens) {
  const Vocabulary vocabulary = Vocabulary::build({{"r", "C4"}}, {});
  EXPECT_EQ(vocabulary.size(), 2u);
  EXPECT_FALSE(vocabulary.pad());
  EXPECT_EQ(vocabulary.token(0), "C4");
}

TEST(Vocabulary, EncodeLeavesOutUnknownTokensAndDecodeLeavesOutSpecials) {
  const Vocabulary vocabulary = Vocabulary::build({{"A4", "r"}}, {kPadToken, kBeginToken, kEndToken});
  std::size_t unknown = 0;
  const std::vector<int> indices = vocabulary.encode({"A4", "Z9", "r", "A4"}, &unknown);
  EXPECT_EQ(unknown, 1u);
  EXPECT_EQ(indices, (std::vector<int>{3, 4, 3}));
  const std::vector<int> withSpecials = {1, 3, 4, 2};
  EXPECT_EQ(vocabulary.decode(withSpecials), (Tokens{"A4", "r"}));
}

TEST(Vocabulary, RejectsRepeatedOrEmptyTokensAndBadIndices) {
  EXPECT_THROW(Vocabulary::fromList({"a", "b", "a"}, 0), std::invalid_argument);
  EXPECT_THROW(Vocabulary::fromList({"a", ""}, 0), std::invalid_argument);
  EXPECT_THROW(Vocabulary::fromList({"a"}, 2), std::invalid_argument);
  const Vocabulary vocabulary = Vocabulary::fromList({"a", "b"}, 0);
  EXPECT_THROW(vocabulary.token(2), std::out_of_range);
  EXPECT_THROW(vocabulary.token(-1), std::out_of_range);
}

}  // namespace
}  // namespace lofi
