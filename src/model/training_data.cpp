#include "model/training_data.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <stdexcept>

#include "common/seeded_random.h"
#include "music/encoding.h"

namespace lofi {
namespace {

// Twelve keys: the original and five down to six up.
constexpr int kLowestShift = -5;
constexpr int kHighestShift = 6;

void fnvMix(std::uint64_t& hash, const std::string& text) {
  for (unsigned char byte : text) hash = (hash ^ byte) * 0x100000001B3ULL;
  hash = (hash ^ 0xFF) * 0x100000001B3ULL;  // separator, so "ab","c" differs from "a","bc"
}

// The longest start of `tokens` that the encoding decodes (a window may
// begin or end inside an event of a timed piece); empty if none does.
Tokens decodableStart(const Encoding& encoding, Tokens tokens) {
  tokens.resize(encoding.decodablePrefix(tokens));
  return tokens;
}

// Windows of real music for `--primer random`: a random window of a random
// training piece, as the seed primes; the piece's beginning if the window does
// not decode on its own.
std::vector<Tokens> pickPrimers(const std::vector<const Piece*>& pieces, const std::string& encodingName,
                                std::uint64_t seed) {
  std::vector<Tokens> primers;
  if (pieces.empty()) return primers;
  std::unique_ptr<Encoding> encoding;
  try {
    encoding = makeEncoding(encodingName);
  } catch (const std::invalid_argument&) {
    // An encoding this build does not know: keep the windows as they are.
  }
  SeededRandom random(mixSeed(seed, 0x9e1));
  for (int attempt = 0; attempt < kPrimerCount; ++attempt) {
    const Piece& piece = *pieces[random.below(pieces.size())];
    if (piece.tokens.empty()) continue;
    const std::size_t length = std::min<std::size_t>(kPrimerLength, piece.tokens.size());
    const std::size_t start = random.below(piece.tokens.size() - length + 1);
    Tokens window(piece.tokens.begin() + start, piece.tokens.begin() + start + length);
    if (encoding) {
      Tokens decodable = decodableStart(*encoding, window);
      if (decodable.empty()) decodable = decodableStart(*encoding, Tokens(piece.tokens.begin(), piece.tokens.begin() + length));
      window = std::move(decodable);
    }
    if (!window.empty()) primers.push_back(std::move(window));
  }
  return primers;
}

}  // namespace

std::vector<std::string> specialTokensFor(const NetworkConfig& network) {
  if (network.carriesState()) return {kPadToken, kBeginToken, kEndToken};
  return {};
}

PieceSplit splitPieces(std::size_t pieceCount, double validationFraction, std::uint64_t seed) {
  if (validationFraction < 0 || validationFraction >= 1)
    throw std::invalid_argument("validation share must be in [0, 1)");
  std::vector<std::size_t> order(pieceCount);
  std::iota(order.begin(), order.end(), 0);
  SeededRandom(mixSeed(seed, 0x5b1)).shuffle(order);
  auto validationCount = static_cast<std::size_t>(std::llround(validationFraction * static_cast<double>(pieceCount)));
  if (validationFraction > 0 && pieceCount >= 2) validationCount = std::max<std::size_t>(validationCount, 1);
  validationCount = std::min(validationCount, pieceCount > 0 ? pieceCount - 1 : 0);
  PieceSplit split;
  split.validation.assign(order.begin(), order.begin() + validationCount);
  split.train.assign(order.begin() + validationCount, order.end());
  std::sort(split.validation.begin(), split.validation.end());
  std::sort(split.train.begin(), split.train.end());
  return split;
}

std::uint64_t corpusFingerprint(const TokenCorpus& corpus) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  fnvMix(hash, corpus.encoding);
  for (const Piece& piece : corpus.pieces) {
    fnvMix(hash, piece.name);
    for (const std::string& token : piece.tokens) fnvMix(hash, token);
  }
  return hash;
}

TrainingData prepareTrainingData(const TokenCorpus& corpus, const TrainSettings& settings,
                                 const NetworkConfig& network) {
  std::vector<const Piece*> pieces;
  for (const Piece& piece : corpus.pieces)
    if (!piece.tokens.empty()) pieces.push_back(&piece);
  if (pieces.empty()) throw std::invalid_argument("no tokens to train on");
  const PieceSplit split = splitPieces(pieces.size(), settings.validationFraction, settings.seed);

  TrainingData data;
  data.fingerprint = corpusFingerprint(corpus);
  std::vector<Tokens> trainTokens;
  std::vector<const Piece*> trainPieces;
  // Every encoding transposes; one this build does not know trains as it is.
  std::unique_ptr<Encoding> transposer;
  if (settings.transpose) {
    try {
      transposer = makeEncoding(corpus.encoding);
    } catch (const std::invalid_argument&) {
    }
  }
  data.transposed = transposer != nullptr;
  for (std::size_t index : split.train) {
    const Piece& piece = *pieces[index];
    data.trainPieces.push_back(piece.name);
    trainPieces.push_back(&piece);
    if (!transposer) {
      trainTokens.push_back(piece.tokens);
      continue;
    }
    for (int shift = kLowestShift; shift <= kHighestShift; ++shift) {
      if (shift == 0) {
        trainTokens.push_back(piece.tokens);
      } else if (auto moved = transposer->transpose(piece.tokens, shift)) {
        trainTokens.push_back(std::move(*moved));
      } else {
        ++data.skippedTranspositions;
      }
    }
  }
  std::vector<Tokens> validationTokens;
  for (std::size_t index : split.validation) {
    data.validationPieces.push_back(pieces[index]->name);
    validationTokens.push_back(pieces[index]->tokens);
  }

  std::vector<Tokens> everything = trainTokens;
  everything.insert(everything.end(), validationTokens.begin(), validationTokens.end());
  data.vocabulary = Vocabulary::build(everything, specialTokensFor(network));
  for (const Tokens& tokens : trainTokens) data.train.push_back(data.vocabulary.encode(tokens));
  for (const Tokens& tokens : validationTokens) data.validation.push_back(data.vocabulary.encode(tokens));
  data.primers = pickPrimers(trainPieces, corpus.encoding, settings.seed);
  return data;
}

}  // namespace lofi
