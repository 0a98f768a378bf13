// How good a model is: the negative log-likelihood of held-out music (and its
// perplexity), and how much of what it writes is copied from its training data
// (novelty: the longest run of consecutive tokens found there).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/token_corpus.h"

namespace lofi {

struct HeldOutScore {
  double nll = 0;         // mean nats per predicted token
  double perplexity = 0;  // exp(nll)
  std::int64_t tokens = 0;       // predicted tokens
  std::size_t unknownTokens = 0; // outside the vocabulary, left out
  std::size_t pieces = 0;
};

// Carried-state networks read each piece from <bos> through <eos> with the
// state carried, as they generate; window networks predict every token that
// follows a full window. Throws std::invalid_argument if nothing can be scored.
HeldOutScore heldOutLoss(const Model& model, const std::vector<Piece>& pieces, int rowsPerBatch = 16);

struct CopiedRun {
  std::size_t length = 0;  // tokens
  std::size_t start = 0;   // where the run starts in the generated sequence
};

// Finds, for any sequence, the longest run of consecutive tokens that appears
// somewhere in the corpus (within one piece), in time linear in its length.
class CopyIndex {
 public:
  explicit CopyIndex(const std::vector<Tokens>& corpus);
  ~CopyIndex();
  CopiedRun longestCopiedRun(const Tokens& generated) const;

 private:
  struct Automaton;
  std::unique_ptr<Automaton> automaton_;
};

}  // namespace lofi
