#include "model/evaluate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/seeded_random.h"
#include "tiny_models.h"

namespace lofi {
namespace {

// The longest run of `generated` found inside one corpus piece, by brute force.
std::size_t bruteForceRun(const std::vector<Tokens>& corpus, const Tokens& generated) {
  std::size_t best = 0;
  for (std::size_t start = 0; start < generated.size(); ++start)
    for (std::size_t length = best + 1; start + length <= generated.size(); ++length) {
      const Tokens run(generated.begin() + start, generated.begin() + start + length);
      bool found = false;
      for (const Tokens& piece : corpus)
        if (std::search(piece.begin(), piece.end(), run.begin(), run.end()) != piece.end()) found = true;
      if (!found) break;
      best = length;
    }
  return best;
}

TEST(CopyIndex, FindsTheLongestCopiedRunAsBruteForceDoes) {
  SeededRandom random(4);
  auto randomTokens = [&](std::size_t count, int alphabet) {
    Tokens tokens;
    for (std::size_t i = 0; i < count; ++i) tokens.push_back(std::string("t").append(std::to_string(random.below(alphabet))));
    return tokens;
  };
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<Tokens> corpus = {randomTokens(60, 3), randomTokens(40, 3), randomTokens(25, 4)};
    Tokens generated = randomTokens(50, 4);
    if (trial % 4 == 0) {  // plant a long copy
      std::copy(corpus[1].begin() + 5, corpus[1].begin() + 30, generated.begin() + 10);
    }
    const CopiedRun run = CopyIndex(corpus).longestCopiedRun(generated);
    EXPECT_EQ(run.length, bruteForceRun(corpus, generated)) << trial;
    if (trial % 4 == 0) {
      EXPECT_GE(run.length, 25u);
    }
  }
}

TEST(CopyIndex, RunsDoNotCrossFromOnePieceToTheNext) {
  const CopyIndex index({{"a", "b", "c"}, {"d", "e"}});
  EXPECT_EQ(index.longestCopiedRun({"b", "c", "d", "e"}).length, 2u);
  EXPECT_EQ(index.longestCopiedRun({"x", "a", "b", "c"}).length, 3u);
  EXPECT_EQ(index.longestCopiedRun({"x", "a", "b", "c"}).start, 1u);
  EXPECT_EQ(index.longestCopiedRun({"z"}).length, 0u);
}

TEST(HeldOutLoss, UniformModelScoresLogOfTheVocabulary) {
  ModelFile file = testing::untrainedModelFile(testing::tinyNetwork(), testing::patternCorpus(3, 3));
  for (NamedTensor& tensor : file.weights) std::fill(tensor.values.begin(), tensor.values.end(), 0.0f);
  const Model model(file);
  const HeldOutScore score = heldOutLoss(model, {{"x", {"C4", "r", "nope", "r"}}, {"y", {"r"}}});
  EXPECT_EQ(score.pieces, 2u);
  EXPECT_EQ(score.unknownTokens, 1u);
  EXPECT_EQ(score.tokens, 4 + 2);  // each piece's tokens and its <eos>
  EXPECT_NEAR(score.nll, std::log(static_cast<double>(model.vocabulary().size())), 1e-6);
  EXPECT_NEAR(score.perplexity, static_cast<double>(model.vocabulary().size()), 1e-3);
}

TEST(HeldOutLoss, WindowNetworksScoreEveryTokenAfterAFullWindow) {
  const Model model(testing::untrainedModelFile(testing::tinySeedNetwork(), testing::patternCorpus(2, 4)));
  const Tokens piece = testing::patternCorpus(2, 4).pieces[0].tokens;  // 24 tokens, window 10
  const HeldOutScore score = heldOutLoss(model, {{"p", piece}});
  EXPECT_EQ(score.tokens, 14);
  EXPECT_THROW(heldOutLoss(model, {{"short", {"r", "r"}}}), std::invalid_argument);
}

}  // namespace
}  // namespace lofi
