// Choosing the next token from the network's logits through a chain of small
// steps, each narrowing or reshaping the candidates: constraints (tokens that
// may not come next), temperature, top-k, top-p; then one draw from a seeded
// random source, or the most likely token. Same seed, same choices.
//
// A constraint is how music is steered: the chord and scale constraint of the
// classic encoding and the forced chord tokens of the timed encoding are
// TokenConstraints added to the chain.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "model/random.h"
#include "model/vocabulary.h"

namespace lofi {

struct Candidate {
  int token = 0;
  float logit = 0;
};

// What a step may look at besides the logits.
struct SamplingContext {
  std::span<const int> history;  // every token so far: primer, then generated
  int generated = 0;             // tokens generated so far
  const Vocabulary* vocabulary = nullptr;
};

// Decides which tokens may come next. `allowed` has one entry per vocabulary
// token, all true on entry; a constraint only ever clears entries.
class TokenConstraint {
 public:
  virtual ~TokenConstraint() = default;
  virtual void restrict(const SamplingContext& context, std::vector<char>& allowed) const = 0;
};

// A fixed set of allowed tokens (by index).
class AllowedTokens : public TokenConstraint {
 public:
  explicit AllowedTokens(std::vector<int> tokens);
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override;

 private:
  std::vector<int> tokens_;
};

// Keeps the special tokens (<pad>, <bos>, and <eos> unless allowed) out of the music.
class NoSpecialTokens : public TokenConstraint {
 public:
  explicit NoSpecialTokens(bool allowEnd) : allowEnd_(allowEnd) {}
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override;

 private:
  bool allowEnd_;
};

class SamplerStep {
 public:
  virtual ~SamplerStep() = default;
  // Candidates arrive sorted by token index or by falling logit (see sortedByLogit).
  virtual void apply(std::vector<Candidate>& candidates, const SamplingContext& context) const = 0;
};

// Removes the candidates that constraints forbid. Throws std::runtime_error if
// none is left, naming the position.
class ConstraintStep : public SamplerStep {
 public:
  explicit ConstraintStep(std::shared_ptr<const TokenConstraint> constraint);
  void apply(std::vector<Candidate>& candidates, const SamplingContext& context) const override;

 private:
  std::shared_ptr<const TokenConstraint> constraint_;
};

// Divides logits by T: below 1 sharper, above 1 flatter.
class TemperatureStep : public SamplerStep {
 public:
  explicit TemperatureStep(float temperature);
  void apply(std::vector<Candidate>& candidates, const SamplingContext& context) const override;

 private:
  float temperature_;
};

// Keeps the k most likely.
class TopKStep : public SamplerStep {
 public:
  explicit TopKStep(int k);
  void apply(std::vector<Candidate>& candidates, const SamplingContext& context) const override;

 private:
  int k_;
};

// Keeps the most likely tokens whose probabilities add up to at least p.
class TopPStep : public SamplerStep {
 public:
  explicit TopPStep(float p);
  void apply(std::vector<Candidate>& candidates, const SamplingContext& context) const override;

 private:
  float p_;
};

struct SamplingSettings {
  float temperature = 1.0f;  // 0 picks the most likely token
  int topK = 0;              // 0 keeps all
  float topP = 0.95f;        // 1 keeps all
};

class SamplerChain {
 public:
  SamplerChain& add(std::unique_ptr<SamplerStep> step);
  // Picks the most likely remaining token instead of drawing one.
  SamplerChain& greedy(bool enabled);

  // Runs every step on the logits (one per vocabulary token), then draws.
  int sample(std::span<const float> logits, const SamplingContext& context, SeededRandom& random) const;

 private:
  std::vector<std::unique_ptr<SamplerStep>> steps_;
  bool greedy_ = false;
};

// Constraints first, then temperature, top-k and top-p as the settings ask.
SamplerChain makeSamplerChain(const SamplingSettings& settings,
                              const std::vector<std::shared_ptr<const TokenConstraint>>& constraints);

// Sorts by falling logit, ties by token index, so every step sees one order.
void sortByLogit(std::vector<Candidate>& candidates);

}  // namespace lofi
