// Writing token sequences with a model, several at once: each row has its own
// primer, seed, sampler settings and constraints, and comes out exactly as it
// would alone (the server batches requests through here).
//
// Two methods: the default carries the LSTM state and costs one step per
// token; the seed's sliding window re-reads the last `window` tokens from a
// zero state for every token.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "model/model.h"
#include "model/sampler.h"

namespace lofi {

enum class GenerationMethod { CarriedState, SlidingWindow };

struct SequenceRequest {
  std::vector<int> primer;  // token indices the music continues from; may be empty
  std::uint64_t seed = 0;
  SamplingSettings sampling;
  std::vector<std::unique_ptr<TokenConstraint>> constraints;  // this row's own, besides keeping special tokens out
  bool allowEnd = false;  // may the row end itself with <eos>
};

inline constexpr int kSeedWindow = 100;

class Generation {
 public:
  // Reads every primer. Throws std::invalid_argument if the method does not suit
  // the network (a window network cannot carry its state) or a primer token is out of range.
  Generation(const Model& model, std::vector<SequenceRequest> requests, GenerationMethod method);
  ~Generation();
  Generation(Generation&&) noexcept;

  // Adds up to `count` tokens to every row that has not finished.
  void advance(int count);
  // Adds one token to every row that has not finished; returns each row's
  // new token (-1 for a row that had finished or just ended with <eos>).
  const std::vector<int>& step();

  int rows() const;
  const std::vector<int>& generated(int row) const;  // new tokens, primer excluded
  bool finished(int row) const;
  void finish(int row);  // the caller has enough of this row
  bool allFinished() const;

 private:
  struct Row;
  int sampleRow(Row& row, std::span<const float> logits);
  void stepCarried();
  void stepWindow();

  const Model* model_;
  GenerationMethod method_;
  std::vector<Row> rows_;
  InferenceNetwork::State state_;
  std::vector<float> logits_;        // rows x vocabulary: next-token logits (carried state)
  std::vector<int> pendingTokens_;   // sampled but not yet read by the network
  bool pending_ = false;
  std::vector<int> stepped_;         // each row's token of the last step
};

// Convenience: `count` tokens for each request.
std::vector<std::vector<int>> generateTokens(const Model& model, std::vector<SequenceRequest> requests, int count,
                                             GenerationMethod method);

}  // namespace lofi
