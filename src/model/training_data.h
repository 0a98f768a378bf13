// From pieces of tokens to what training needs: a train/validation split by
// piece (seeded), the training pieces in all twelve keys, the vocabulary, and
// a few windows of real music kept as primers for `--primer random`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/network_config.h"
#include "model/token_corpus.h"
#include "model/train_settings.h"
#include "model/vocabulary.h"

namespace lofi {

struct TrainingData {
  Vocabulary vocabulary;
  std::vector<std::vector<int>> train;       // indices, transposed copies included
  std::vector<std::vector<int>> validation;  // indices, as written
  std::vector<std::string> trainPieces;      // names of the pieces in each part
  std::vector<std::string> validationPieces;
  std::vector<Tokens> primers;
  std::uint64_t fingerprint = 0;  // of the corpus: a resumed run must see the same data
  bool transposed = false;        // false when asked but the encoding has no transposer
  std::size_t skippedTranspositions = 0;  // keys that would leave the MIDI range
};

inline constexpr int kPrimerLength = 100;  // the seed's window
inline constexpr int kPrimerCount = 32;

// Throws std::invalid_argument when there is nothing to train on.
TrainingData prepareTrainingData(const TokenCorpus& corpus, const TrainSettings& settings,
                                 const NetworkConfig& network);

// Splits pieces by name into train and validation, as prepareTrainingData does.
struct PieceSplit {
  std::vector<std::size_t> train, validation;  // indices into the pieces
};
PieceSplit splitPieces(std::size_t pieceCount, double validationFraction, std::uint64_t seed);

// FNV-1a over the encoding, every piece name and token, in order.
std::uint64_t corpusFingerprint(const TokenCorpus& corpus);

// The special tokens a network of this shape uses (none for the seed's).
std::vector<std::string> specialTokensFor(const NetworkConfig& network);

}  // namespace lofi
