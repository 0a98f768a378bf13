#include "model/sampler.h"

#include "model/steering/steering.h"
#include "music/timed/timed_tokens.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <map>
#include <set>

namespace lofi {
namespace {

const std::vector<float> kLogits = {0.0f, 2.0f, 1.0f, -1.0f, 3.0f, 0.5f};

using Constraints = std::vector<std::unique_ptr<TokenConstraint>>;

SamplerChain chainOf(const SamplingSettings& settings, std::uint64_t seed = 1, Constraints constraints = {}) {
  return makeSamplerChain(settings, seed, std::move(constraints), kLogits.size());
}

std::map<int, int> counts(SamplerChain chain, int draws) {
  std::map<int, int> seen;
  for (int i = 0; i < draws; ++i) ++seen[chain.sample(kLogits)];
  return seen;
}

TEST(Sampler, DrawsFollowTheSoftmax) {
  const auto seen = counts(chainOf({1.0f, 0, 1.0f}), 20000);
  double total = 0;
  for (float logit : kLogits) total += std::exp(logit);
  for (int token = 0; token < 6; ++token)
    EXPECT_NEAR(seen.count(token) ? seen.at(token) / 20000.0 : 0.0, std::exp(kLogits[token]) / total, 0.015) << token;
}

TEST(Sampler, TopKKeepsTheKLikeliest) {
  const auto seen = counts(chainOf({1.0f, 2, 1.0f}), 2000);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen.count(4) && seen.count(1));
}

TEST(Sampler, TopPKeepsTheSmallestSetReachingP) {
  // Probabilities: token 4 0.61, token 1 0.22, token 2 0.08, ...: p = 0.8 needs tokens 4 and 1.
  const auto seen = counts(chainOf({1.0f, 0, 0.8f}), 2000);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen.count(4) && seen.count(1));
  EXPECT_EQ(counts(chainOf({1.0f, 0, 0.5f}), 200).size(), 1u);
}

TEST(Sampler, LowTemperatureSharpensAndZeroIsArgmax) {
  EXPECT_GT(counts(chainOf({0.25f, 0, 1.0f}), 2000)[4], counts(chainOf({1.0f, 0, 1.0f}), 2000)[4]);
  const auto greedy = counts(chainOf({0.0f, 0, 1.0f}), 50);
  EXPECT_EQ(greedy.size(), 1u);
  EXPECT_EQ(greedy.begin()->first, 4);
}

TEST(Sampler, SameSeedSameChoices) {
  SamplerChain first = chainOf({1.2f, 4, 0.95f}, 42), second = chainOf({1.2f, 4, 0.95f}, 42),
               other = chainOf({1.2f, 4, 0.95f}, 43);
  std::vector<int> a, b, c;
  for (int i = 0; i < 100; ++i) {
    a.push_back(first.sample(kLogits));
    b.push_back(second.sample(kLogits));
    c.push_back(other.sample(kLogits));
  }
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// Allows only tokens whose index has the parity of the number of tokens accepted so far.
class ParityConstraint : public TokenConstraint {
 public:
  void restrict(std::span<char> allowed) const override {
    for (std::size_t token = 0; token < allowed.size(); ++token)
      if (static_cast<int>(token % 2) != accepted_ % 2) allowed[token] = 0;
  }
  void accept(int) override { ++accepted_; }

 private:
  int accepted_ = 0;
};

TEST(Sampler, ConstraintStepOnlyEverEmitsAllowedTokens) {
  for (const SamplingSettings& settings : {SamplingSettings{1.0f, 0, 1.0f}, SamplingSettings{2.0f, 2, 0.9f},
                                           SamplingSettings{0.0f, 0, 1.0f}}) {
    Constraints constraints;
    constraints.push_back(std::make_unique<AllowedTokens>(std::vector<int>{0, 2, 3}, kLogits.size()));
    const auto seen = counts(chainOf(settings, 5, std::move(constraints)), 3000);
    for (const auto& [token, count] : seen) EXPECT_TRUE(token == 0 || token == 2 || token == 3) << token;
  }
  // A constraint that keeps state as tokens are accepted, and one that follows another.
  Constraints constraints;
  constraints.push_back(std::make_unique<ParityConstraint>());
  constraints.push_back(std::make_unique<AllowedTokens>(std::vector<int>{1, 2, 3, 5}, kLogits.size()));
  SamplerChain chain = chainOf({1.0f, 0, 1.0f}, 3, std::move(constraints));
  for (int generated = 0; generated < 200; ++generated) {
    const int token = chain.sample(kLogits);
    EXPECT_EQ(token % 2, generated % 2);
    EXPECT_NE(token, 0);
    EXPECT_NE(token, 4);
  }
}

TEST(Sampler, PrimedTokensCountAsAccepted) {
  Constraints constraints;
  constraints.push_back(std::make_unique<ParityConstraint>());
  SamplerChain chain = chainOf({1.0f, 0, 1.0f}, 3, std::move(constraints));
  const std::vector<int> primer = {4, 1, 2};
  chain.prime(primer);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(chain.sample(kLogits) % 2, (i + 1) % 2) << i;
}

TEST(Sampler, ConstraintsThatAllowNothingAreAnError) {
  Constraints constraints;
  constraints.push_back(std::make_unique<AllowedTokens>(std::vector<int>{}, kLogits.size()));
  SamplerChain chain = chainOf({1.0f, 0, 1.0f}, 1, std::move(constraints));
  EXPECT_THROW(chain.sample(kLogits), std::runtime_error);
}

TEST(Sampler, RejectsSettingsOutOfRange) {
  EXPECT_THROW(chainOf({-1.0f, 0, 1.0f}), std::invalid_argument);
  EXPECT_THROW(chainOf({1.0f, -2, 1.0f}), std::invalid_argument);
  EXPECT_THROW(chainOf({1.0f, 0, 0.0f}), std::invalid_argument);
  EXPECT_THROW(chainOf({1.0f, 0, 1.5f}), std::invalid_argument);
  EXPECT_THROW(chainOf({NAN, 0, 1.0f}), std::invalid_argument);
}

TEST(Sampler, NoSpecialTokensKeepsPaddingAndBeginOut) {
  const Vocabulary vocabulary = Vocabulary::build({{"a", "b", "c"}}, {kPadToken, kBeginToken, kEndToken});
  for (bool allowEnd : {false, true}) {
    std::vector<char> allowed(vocabulary.size(), 1);
    NoSpecialTokens(vocabulary, allowEnd).restrict(allowed);
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

    TopPStep(p).apply(candidates);
    sortByLogit(candidates);
    ASSERT_EQ(candidates.size(), expected.size()) << trial;
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(candidates[i].token, expected[i].token) << trial;
  }
}

}  // namespace
}  // namespace lofi

// Counts allocations while `counting` is set: the chain must sample without
// allocating once its buffers have grown to the vocabulary.
namespace {
std::atomic<bool> counting{false};
std::atomic<int> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  if (counting) ++allocations;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
// Out of line, so that the compiler does not pair an inlined free() with `new`.
[[gnu::noinline]] void operator delete(void* memory) noexcept { std::free(memory); }
[[gnu::noinline]] void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }

namespace lofi {
namespace {

TEST(Sampler, SamplingATokenAllocatesNothing) {
  std::vector<float> logits(500);
  for (std::size_t i = 0; i < logits.size(); ++i) logits[i] = static_cast<float>((i * 37) % 101) * 0.05f;
  std::vector<std::unique_ptr<TokenConstraint>> constraints;
  std::vector<int> allowed;
  for (int token = 0; token < 500; token += 3) allowed.push_back(token);
  constraints.push_back(std::make_unique<AllowedTokens>(allowed, logits.size()));
  SamplerChain chain = makeSamplerChain({0.9f, 50, 0.9f}, 7, std::move(constraints), logits.size());
  chain.sample(logits);  // the buffers grow once
  allocations = 0;
  counting = true;
  int sum = 0;
  for (int i = 0; i < 200; ++i) sum += chain.sample(logits);
  counting = false;
  EXPECT_EQ(allocations.load(), 0);
  EXPECT_GT(sum, 0);
}

TEST(Sampler, SteeringATimedTrackAllocatesNothingPerToken) {
  Tokens tokens = timed::fixedVocabulary();
  for (const char* chord : {"chord_Dm9", "chord_G7", "chord_Cmaj7"}) tokens.push_back(chord);
  const Vocabulary vocabulary = Vocabulary::build({tokens}, {kPadToken, kBeginToken, kEndToken});
  std::vector<float> logits(vocabulary.size());
  for (std::size_t i = 0; i < logits.size(); ++i) logits[i] = static_cast<float>((i * 53) % 97) * 0.03f;
  SamplerChain chain = makeSamplerChain({1.0f, 0, 0.95f}, 3,
                                        steeringConstraints(vocabulary, "timed", {"Dm9 G7 Cmaj7", "D minor"}, {}),
                                        vocabulary.size());
  for (int i = 0; i < 20; ++i) chain.sample(logits);  // the buffers grow
  allocations = 0;
  counting = true;
  for (int i = 0; i < 300; ++i) chain.sample(logits);
  counting = false;
  EXPECT_EQ(allocations.load(), 0);
}

}  // namespace
}  // namespace lofi
