#include "model/generator.h"

#include <gtest/gtest.h>

#include "tiny_models.h"

namespace lofi {
namespace {

const Model& tinyModel() {
  static const Model model(testing::untrainedModelFile(testing::tinyNetwork(), testing::patternCorpus(4, 6), 11));
  return model;
}

SequenceRequest request(std::uint64_t seed, std::vector<int> primer = {}) {
  SequenceRequest result;
  result.seed = seed;
  result.primer = std::move(primer);
  result.sampling = {1.0f, 0, 1.0f};
  return result;
}

// One request as a batch (requests own their constraints: they move, not copy).
std::vector<SequenceRequest> one(SequenceRequest single) {
  std::vector<SequenceRequest> batch;
  batch.push_back(std::move(single));
  return batch;
}

TEST(Generation, SameSeedSameTokensOtherSeedOthers) {
  const auto first = generateTokens(tinyModel(), one(request(5)), 64, GenerationMethod::CarriedState);
  const auto again = generateTokens(tinyModel(), one(request(5)), 64, GenerationMethod::CarriedState);
  const auto other = generateTokens(tinyModel(), one(request(6)), 64, GenerationMethod::CarriedState);
  ASSERT_EQ(first[0].size(), 64u);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
}

TEST(Generation, EachRowOfABatchComesOutAsItWouldAlone) {
  const auto row = [](std::uint64_t seed) { return request(seed, std::vector<int>(seed, 4 + static_cast<int>(seed))); };
  std::vector<SequenceRequest> batch;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) batch.push_back(row(seed));
  const auto together = generateTokens(tinyModel(), std::move(batch), 40, GenerationMethod::CarriedState);
  for (std::uint64_t seed = 1; seed <= 6; ++seed)
    EXPECT_EQ(together[seed - 1], generateTokens(tinyModel(), one(row(seed)), 40, GenerationMethod::CarriedState)[0]) << seed;
}

TEST(Generation, AdvancingInRoundsEqualsAdvancingAtOnce) {
  Generation rounds(tinyModel(), one(request(9)), GenerationMethod::CarriedState);
  for (int i = 0; i < 5; ++i) rounds.advance(7);
  EXPECT_EQ(rounds.generated(0), generateTokens(tinyModel(), one(request(9)), 35, GenerationMethod::CarriedState)[0]);
}

TEST(Generation, NeverEmitsSpecialTokensAndHonoursConstraints) {
  const std::vector<int> allowed = {5, 8, 13};
  for (GenerationMethod method : {GenerationMethod::CarriedState, GenerationMethod::SlidingWindow}) {
    const auto free = generateTokens(tinyModel(), one(request(3)), 200, method)[0];
    for (int token : free) EXPECT_FALSE(tinyModel().vocabulary().isSpecial(token));
    SequenceRequest constrained = request(3);
    constrained.constraints.push_back(std::make_unique<AllowedTokens>(allowed, tinyModel().vocabulary().size()));
    const auto steered = generateTokens(tinyModel(), one(std::move(constrained)), 200, method)[0];
    for (int token : steered) EXPECT_TRUE(token == 5 || token == 8 || token == 13) << token;
  }
}

TEST(Generation, WindowArgmaxIsTheLikeliestTokenAfterTheLastWindow) {
  SequenceRequest greedy = request(1, {4, 5, 6});
  greedy.sampling.temperature = 0;
  const auto tokens = generateTokens(tinyModel(), one(std::move(greedy)), 5, GenerationMethod::SlidingWindow)[0];
  // Recompute each step by hand: <bos> and the history, read from a zero state.
  std::vector<int> history = {4, 5, 6};
  const InferenceNetwork& network = tinyModel().network();
  std::vector<float> logits(network.vocabularySize());
  for (int expected : tokens) {
    std::vector<int> window = {*tinyModel().vocabulary().begin()};
    window.insert(window.end(), history.begin(), history.end());
    network.readWindows(window, 1, static_cast<int>(window.size()), logits);
    int best = static_cast<int>(tinyModel().vocabulary().specialCount());
    for (int v = best; v < network.vocabularySize(); ++v)
      if (logits[v] > logits[best]) best = v;
    EXPECT_EQ(expected, best);
    history.push_back(expected);
  }
}

TEST(Generation, SeedNetworkGeneratesOnlyWithAWindowAndAPrimer) {
  const Model seedModel(testing::untrainedModelFile(testing::tinySeedNetwork(), testing::patternCorpus(2, 4)));
  EXPECT_THROW(Generation(seedModel, one(request(1)), GenerationMethod::CarriedState), std::invalid_argument);
  Generation noPrimer(seedModel, one(request(1)), GenerationMethod::SlidingWindow);
  EXPECT_THROW(noPrimer.advance(1), std::invalid_argument);
  const auto tokens = generateTokens(seedModel, one(request(1, {0, 1, 2, 3})), 12, GenerationMethod::SlidingWindow)[0];
  EXPECT_EQ(tokens.size(), 12u);
}

TEST(Generation, PrimerOutsideTheVocabularyIsRejected) {
  EXPECT_THROW(Generation(tinyModel(), one(request(1, {9999})), GenerationMethod::CarriedState), std::invalid_argument);
}

}  // namespace
}  // namespace lofi
