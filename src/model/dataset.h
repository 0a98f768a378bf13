// Token sequences -> training batches. Two shapes, one per kind of network:
// - every position (default preset): pieces wrapped in <bos> ... <eos> are
//   joined into one stream and cut into windows; each row predicts every next token;
// - after a window (the seed): each run of `window` tokens predicts the one after it.
// The order of an epoch is a function of (seed, epoch) alone, so a resumed run
// sees exactly the batches an uninterrupted one would.
#pragma once

#include <cstdint>
#include <vector>

namespace lofi {

struct Batch {
  int rows = 0;
  int inputLength = 0;                // tokens per row
  int targetLength = 0;               // targets per row: inputLength, or 1 after a window
  std::vector<std::int64_t> inputs;   // rows x inputLength
  std::vector<std::int64_t> targets;  // rows x targetLength, `padIndex` where there is none
  std::int64_t targetCount = 0;       // targets that are not padding
};

struct DatasetOptions {
  int window = 0;            // > 0: predict the token after each window of this many
  int sequenceLength = 128;  // every-position mode: tokens per row
  int batch = 64;
  std::uint64_t seed = 1;
  int padIndex = -1;  // every-position mode needs the three special tokens
  int beginIndex = -1;
  int endIndex = -1;
};

class TokenDataset {
 public:
  // Throws std::invalid_argument if the options do not fit the mode.
  TokenDataset(std::vector<std::vector<int>> sequences, DatasetOptions options);

  // The batches of one epoch, in order; shuffled (training) or as stored (validation).
  class Epoch {
   public:
    std::size_t size() const;
    Batch batch(std::size_t step) const;

   private:
    friend class TokenDataset;
    const TokenDataset* dataset_ = nullptr;
    std::vector<int> stream_;
    std::vector<std::uint32_t> order_;  // window starts, in the order they are served
  };
  Epoch epoch(int epochIndex, bool shuffle) const;

  std::size_t batchesPerEpoch() const;
  std::int64_t targetsPerEpoch() const;  // tokens predicted in one epoch
  const DatasetOptions& options() const { return options_; }
  bool empty() const { return batchesPerEpoch() == 0; }

 private:
  std::vector<int> joinedStream(int epochIndex, bool shuffle) const;
  std::vector<std::vector<int>> sequences_;
  DatasetOptions options_;
  std::size_t streamLength_ = 0;
};

}  // namespace lofi
