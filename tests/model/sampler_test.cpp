#include "model/sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

namespace lofi {
namespace {

const std::vector<float> kLogits = {0.0f, 2.0f, 1.0f, -1.0f, 3.0f, 0.5f};

std::map<int, int> counts(const SamplerChain& chain, int draws, std::uint64_t seed = 1) {
  SeededRandom random(seed);
  std::map<int, int> seen;
  for (int i = 0; i < draws; ++i) ++seen[chain.sample(kLogits, {}, random)];
  return seen;
}

TEST(Sampler, DrawsFollowTheSoftmax) {
  const auto seen = counts(makeSamplerChain({1.0f, 0, 1.0f}, {}), 20000);
  double total = 0;
  for (float logit : kLogits) total += std::exp(logit);
  for (int token = 0; token < 6; ++token)
    EXPECT_NEAR(seen.count(token) ? seen.at(token) / 20000.0 : 0.0, std::exp(kLogits[token]) / total, 0.015) << token;
}

TEST(Sampler, TopKKeepsTheKLikeliest) {
  const auto seen = counts(makeSamplerChain({1.0f, 2, 1.0f}, {}), 2000);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen.count(4) && seen.count(1));
}

TEST(Sampler, TopPKeepsTheSmallestSetReachingP) {
  // Probabilities: token 4 0.61, token 1 0.22, token 2 0.08, ...: p = 0.8 needs tokens 4 and 1.
  const auto seen = counts(makeSamplerChain({1.0f, 0, 0.8f}, {}), 2000);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen.count(4) && seen.count(1));
  EXPECT_EQ(counts(makeSamplerChain({1.0f, 0, 0.5f}, {}), 200).size(), 1u);
}

TEST(Sampler, LowTemperatureSharpensAndZeroIsArgmax) {
  EXPECT_GT(counts(makeSamplerChain({0.25f, 0, 1.0f}, {}), 2000)[4], counts(makeSamplerChain({1.0f, 0, 1.0f}, {}), 2000)[4]);
  const auto greedy = counts(makeSamplerChain({0.0f, 0, 1.0f}, {}), 50);
  EXPECT_EQ(greedy.size(), 1u);
  EXPECT_EQ(greedy.begin()->first, 4);
}

TEST(Sampler, SameSeedSameChoices) {
  const SamplerChain chain = makeSamplerChain({1.2f, 4, 0.95f}, {});
  SeededRandom first(42), second(42), other(43);
  std::vector<int> a, b, c;
  for (int i = 0; i < 100; ++i) {
    a.push_back(chain.sample(kLogits, {}, first));
    b.push_back(chain.sample(kLogits, {}, second));
    c.push_back(chain.sample(kLogits, {}, other));
  }
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// Allows only tokens whose index has the parity of the history's length.
class ParityConstraint : public TokenConstraint {
 public:
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override {
    for (std::size_t token = 0; token < allowed.size(); ++token)
      if (static_cast<int>(token % 2) != context.generated % 2) allowed[token] = 0;
  }
};

TEST(Sampler, ConstraintStepOnlyEverEmitsAllowedTokens) {
  const std::vector<std::shared_ptr<const TokenConstraint>> constraints = {std::make_shared<AllowedTokens>(std::vector<int>{0, 2, 3})};
  for (const SamplingSettings& settings : {SamplingSettings{1.0f, 0, 1.0f}, SamplingSettings{2.0f, 2, 0.9f},
                                           SamplingSettings{0.0f, 0, 1.0f}}) {
    const auto seen = counts(makeSamplerChain(settings, constraints), 3000, 5);
    for (const auto& [token, count] : seen) EXPECT_TRUE(token == 0 || token == 2 || token == 3) << token;
  }
  // A constraint that depends on the context, and one that follows another.
  const SamplerChain chain = makeSamplerChain(
      {1.0f, 0, 1.0f}, {std::make_shared<ParityConstraint>(), std::make_shared<AllowedTokens>(std::vector<int>{1, 2, 3, 5})});
  SeededRandom random(3);
  for (int generated = 0; generated < 200; ++generated) {
    SamplingContext context;
    context.generated = generated;
    const int token = chain.sample(kLogits, context, random);
    EXPECT_EQ(token % 2, generated % 2);
    EXPECT_NE(token, 0);
    EXPECT_NE(token, 4);
  }
}

TEST(Sampler, ConstraintsThatAllowNothingAreAnError) {
  const SamplerChain chain =
      makeSamplerChain({1.0f, 0, 1.0f}, {std::make_shared<AllowedTokens>(std::vector<int>{}), });
  SeededRandom random(1);
  EXPECT_THROW(chain.sample(kLogits, {}, random), std::runtime_error);
}

TEST(Sampler, RejectsSettingsOutOfRange) {
  EXPECT_THROW(makeSamplerChain({-1.0f, 0, 1.0f}, {}), std::invalid_argument);
  EXPECT_THROW(makeSamplerChain({1.0f, -2, 1.0f}, {}), std::invalid_argument);
  EXPECT_THROW(makeSamplerChain({1.0f, 0, 0.0f}, {}), std::invalid_argument);
  EXPECT_THROW(makeSamplerChain({1.0f, 0, 1.5f}, {}), std::invalid_argument);
  EXPECT_THROW(makeSamplerChain({NAN, 0, 1.0f}, {}), std::invalid_argument);
}

TEST(Sampler, NoSpecialTokensKeepsPaddingAndBeginOut) {
  const Vocabulary vocabulary = Vocabulary::build({{"a", "b", "c"}}, {kPadToken, kBeginToken, kEndToken});
  SamplingContext context;
  context.vocabulary = &vocabulary;
  for (bool allowEnd : {false, true}) {
    std::vector<char> allowed(vocabulary.size(), 1);
    NoSpecialTokens(allowEnd).restrict(context, allowed);
    EXPECT_EQ(allowed, (std::vector<char>{0, 0, static_cast<char>(allowEnd), 1, 1, 1}));
  }
}

}  // namespace
}  // namespace lofi

namespace lofi {
namespace {

TEST(Sampler, TopPKeepsExactlyTheSetAFullSortGives) {
  SeededRandom random(17);
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t count = 1 + random.below(600);
    std::vector<Candidate> candidates(count);
    for (std::size_t i = 0; i < count; ++i)  // coarse logits make ties
      candidates[i] = {static_cast<int>(i), static_cast<float>(random.below(40)) * 0.5f - (trial % 3 == 0 ? 15.0f : 5.0f)};
    const float p = 0.05f + 0.9f * static_cast<float>(random.uniform());
    std::vector<Candidate> expected = candidates;
    sortByLogit(expected);
    double total = 0;
    for (const Candidate& candidate : expected) total += std::exp(static_cast<double>(candidate.logit));
    double cumulative = 0;
    std::size_t keep = 0;
    while (keep < expected.size() && cumulative < p * total) cumulative += std::exp(static_cast<double>(expected[keep++].logit));
    expected.resize(std::max<std::size_t>(1, keep));

    TopPStep(p).apply(candidates, {});
    sortByLogit(candidates);
    ASSERT_EQ(candidates.size(), expected.size()) << trial;
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(candidates[i].token, expected[i].token) << trial;
  }
}

}  // namespace
}  // namespace lofi
