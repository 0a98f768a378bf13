// Choosing the next token from the network's logits through a chain of small
// steps, as llama.cpp's samplers do: constraints (tokens that may not come
// next), temperature, top-k, top-p, and last the draw itself (seeded) or the
// likeliest token. Same seed, same choices.
//
// Steps keep state: after each choice the chain tells every step which token
// was taken (accept), so a constraint knows where the music stands without
// reading the track again, and each step reuses its buffers: sampling a
// token allocates nothing.
//
// Steering is constraints: the chord and key constraints of each encoding
// (model/steering/) are TokenConstraints in the chain.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "common/seeded_random.h"
#include "model/vocabulary.h"

namespace lofi {

struct Candidate {
  int token = 0;
  float logit = 0;
};

// Decides which tokens may come next, from the tokens accepted so far.
class TokenConstraint {
 public:
  virtual ~TokenConstraint() = default;
  // The tokens the music continues from (a primer), before any is generated.
  // By default they count as accepted.
  virtual void prime(std::span<const int> tokens) {
    for (int token : tokens) accept(token);
  }
  // `allowed` has one entry per vocabulary token, all true on entry; a
  // constraint only ever clears entries.
  virtual void restrict(std::span<char> allowed) const = 0;
  // The token that came next.
  virtual void accept(int token) = 0;
};

using ConstraintFactory = std::function<std::unique_ptr<TokenConstraint>()>;

// A fixed set of allowed tokens (by index).
class AllowedTokens : public TokenConstraint {
 public:
  AllowedTokens(std::vector<int> tokens, std::size_t vocabularySize);
  void restrict(std::span<char> allowed) const override;
  void accept(int) override {}

 private:
  std::vector<char> allowed_;
};

// Keeps the special tokens (<pad>, <bos>, and <eos> unless allowed) out of the music.
class NoSpecialTokens : public TokenConstraint {
 public:
  NoSpecialTokens(const Vocabulary& vocabulary, bool allowEnd);
  void restrict(std::span<char> allowed) const override;
  void accept(int) override {}

 private:
  std::vector<int> banned_;
};

class SamplerStep {
 public:
  virtual ~SamplerStep() = default;
  // Candidates arrive in token order or sorted by falling logit (sortByLogit).
  virtual void apply(std::vector<Candidate>& candidates) = 0;
  virtual void prime(std::span<const int> tokens) {}
  virtual void accept(int token) {}
};

// Removes the candidates that a constraint forbids. Throws std::runtime_error
// if none is left, naming the position.
class ConstraintStep : public SamplerStep {
 public:
  ConstraintStep(std::unique_ptr<TokenConstraint> constraint, std::size_t vocabularySize);
  void apply(std::vector<Candidate>& candidates) override;
  void prime(std::span<const int> tokens) override { constraint_->prime(tokens); }
  void accept(int token) override;

 private:
  std::unique_ptr<TokenConstraint> constraint_;
  std::vector<char> allowed_;  // reused for every token
  int accepted_ = 0;
};

// Divides logits by T: below 1 sharper, above 1 flatter.
class TemperatureStep : public SamplerStep {
 public:
  explicit TemperatureStep(float temperature);
  void apply(std::vector<Candidate>& candidates) override;

 private:
  float temperature_;
};

// Keeps the k most likely.
class TopKStep : public SamplerStep {
 public:
  explicit TopKStep(int k);
  void apply(std::vector<Candidate>& candidates) override;

 private:
  int k_;
};

// Keeps the most likely tokens whose probabilities add up to at least p.
class TopPStep : public SamplerStep {
 public:
  explicit TopPStep(float p);
  void apply(std::vector<Candidate>& candidates) override;

 private:
  struct Entry {
    Candidate candidate;
    double weight;
  };
  float p_;
  std::vector<Entry> entries_;  // reused for every token
};

// The last step: draws one candidate by its probability from a seeded source.
class DrawStep : public SamplerStep {
 public:
  explicit DrawStep(std::uint64_t seed) : random_(seed) {}
  void apply(std::vector<Candidate>& candidates) override;

 private:
  SeededRandom random_;
};

// The last step instead of a draw: the likeliest candidate (ties: lowest index).
class GreedyStep : public SamplerStep {
 public:
  void apply(std::vector<Candidate>& candidates) override;
};

struct SamplingSettings {
  float temperature = 1.0f;  // 0 picks the most likely token
  int topK = 0;              // 0 keeps all
  float topP = 0.95f;        // 1 keeps all
};

class SamplerChain {
 public:
  SamplerChain& add(std::unique_ptr<SamplerStep> step);
  // The tokens the music continues from, before the first sample.
  void prime(std::span<const int> tokens);
  // Runs every step on the logits (one per vocabulary token); the last step
  // must leave one candidate, the token returned. The chain is told of it
  // (accept) before this returns.
  int sample(std::span<const float> logits);
  // Tells every step that `token` came next without sampling it.
  void accept(int token);

 private:
  std::vector<std::unique_ptr<SamplerStep>> steps_;
  std::vector<Candidate> candidates_;  // reused for every token
};

// Constraints first, then temperature, top-k and top-p as the settings ask,
// then the seeded draw (or the likeliest token at temperature 0).
SamplerChain makeSamplerChain(const SamplingSettings& settings, std::uint64_t seed,
                              std::vector<std::unique_ptr<TokenConstraint>> constraints, std::size_t vocabularySize);

// Sorts by falling logit, ties by token index, so every step sees one order.
void sortByLogit(std::vector<Candidate>& candidates);

}  // namespace lofi
