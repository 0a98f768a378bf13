#include "model/dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace lofi {
namespace {

constexpr int kPad = 0, kBegin = 1, kEnd = 2;

DatasetOptions everyPosition(int length, int batch, std::uint64_t seed = 7) {
  DatasetOptions options;
  options.sequenceLength = length;
  options.batch = batch;
  options.seed = seed;
  options.padIndex = kPad;
  options.beginIndex = kBegin;
  options.endIndex = kEnd;
  return options;
}

std::vector<std::vector<int>> pieces() {
  return {{10, 11, 12, 13, 14}, {20, 21, 22}, {30, 31, 32, 33, 34, 35, 36}};
}

// Every (input, target) pair of the batches of one epoch, padding left out.
std::multiset<std::pair<int, int>> pairsOf(const TokenDataset::Epoch& epoch) {
  std::multiset<std::pair<int, int>> pairs;
  for (std::size_t step = 0; step < epoch.size(); ++step) {
    const Batch batch = epoch.batch(step);
    for (std::size_t i = 0; i < batch.targets.size(); ++i)
      if (batch.targets[i] != kPad) pairs.insert({static_cast<int>(batch.inputs[i]), static_cast<int>(batch.targets[i])});
  }
  return pairs;
}

TEST(TokenDataset, EveryPositionPredictsEachNextTokenOfEachWrappedPieceOnce) {
  const TokenDataset dataset(pieces(), everyPosition(4, 2));
  const TokenDataset::Epoch epoch = dataset.epoch(0, true);
  const auto pairs = pairsOf(epoch);
  // 3 pieces of 5 + 3 + 7 tokens, each wrapped in <bos> ... <eos>: 21 tokens, 20 targets.
  EXPECT_EQ(pairs.size(), 20u);
  EXPECT_EQ(dataset.targetsPerEpoch(), 20);
  for (const auto& piece : pieces()) {
    EXPECT_EQ(pairs.count({kBegin, piece.front()}), 1u);
    EXPECT_EQ(pairs.count({piece.back(), kEnd}), 1u);
    for (std::size_t i = 0; i + 1 < piece.size(); ++i) EXPECT_EQ(pairs.count({piece[i], piece[i + 1]}), 1u);
  }
  std::int64_t counted = 0;
  for (std::size_t step = 0; step < epoch.size(); ++step) counted += epoch.batch(step).targetCount;
  EXPECT_EQ(counted, 20);
}

TEST(TokenDataset, OrderIsAFunctionOfSeedAndEpoch) {
  const TokenDataset dataset(pieces(), everyPosition(3, 2));
  auto flat = [](const TokenDataset::Epoch& epoch) {
    std::vector<std::int64_t> all;
    for (std::size_t step = 0; step < epoch.size(); ++step) {
      const Batch batch = epoch.batch(step);
      all.insert(all.end(), batch.inputs.begin(), batch.inputs.end());
    }
    return all;
  };
  EXPECT_EQ(flat(dataset.epoch(3, true)), flat(dataset.epoch(3, true)));
  EXPECT_NE(flat(dataset.epoch(3, true)), flat(dataset.epoch(4, true)));
  const TokenDataset otherSeed(pieces(), everyPosition(3, 2, 8));
  EXPECT_NE(flat(dataset.epoch(3, true)), flat(otherSeed.epoch(3, true)));
  // Validation batches come in stored order.
  EXPECT_EQ(flat(dataset.epoch(0, false)), flat(dataset.epoch(9, false)));
}

TEST(TokenDataset, WindowModeGivesTheSeedsSamplesAcrossPieces) {
  DatasetOptions options;
  options.window = 3;
  options.batch = 4;
  const TokenDataset dataset({{1, 2, 3, 4}, {5, 6}}, options);
  // The seed joins all pieces (no specials) and predicts stream[i + 3] from stream[i .. i + 3).
  const TokenDataset::Epoch epoch = dataset.epoch(0, false);
  ASSERT_EQ(epoch.size(), 1u);
  const Batch batch = epoch.batch(0);
  EXPECT_EQ(batch.rows, 3);
  EXPECT_EQ(batch.inputLength, 3);
  EXPECT_EQ(batch.inputs, (std::vector<std::int64_t>{1, 2, 3, 2, 3, 4, 3, 4, 5}));
  EXPECT_EQ(batch.targets, (std::vector<std::int64_t>{4, 5, 6}));
}

TEST(TokenDataset, RejectsOptionsThatDoNotFit) {
  DatasetOptions options;  // every position without special tokens
  EXPECT_THROW(TokenDataset(pieces(), options), std::invalid_argument);
  options = everyPosition(4, 0);
  EXPECT_THROW(TokenDataset(pieces(), options), std::invalid_argument);
  const TokenDataset dataset(pieces(), everyPosition(4, 2));
  EXPECT_THROW(dataset.epoch(0, false).batch(99), std::out_of_range);
}

}  // namespace
}  // namespace lofi
