#include "model/inference_network.h"

#include <gtest/gtest.h>

#include "common/seeded_random.h"
#include "model/torch_reference.h"

namespace lofi {
namespace {

constexpr int kVocabulary = 23;

std::vector<std::int64_t> randomTokens(int count, std::uint64_t seed) {
  SeededRandom random(seed);
  std::vector<std::int64_t> tokens(count);
  for (auto& token : tokens) token = static_cast<std::int64_t>(random.below(kVocabulary));
  return tokens;
}

NetworkConfig twoLayerNetwork() {
  NetworkConfig config = presetNetwork("default");
  config.embeddingSize = 12;
  config.lstmSizes = {20, 9};  // odd sizes exercise the kernels' edges
  config.denseSizes = {};
  return config;
}

NetworkConfig seedLikeNetwork() {
  NetworkConfig config = presetNetwork("seed");
  config.lstmSizes = {8, 16, 8};
  config.denseSizes = {8};
  config.window = 7;
  return config;
}

TEST(InferenceNetwork, StepByStepMatchesLibTorchOnEveryPosition) {
  const NetworkConfig config = twoLayerNetwork();
  const Weights weights = initialWeights(config, kVocabulary, 3);
  const int rows = 3, length = 11;
  const std::vector<std::int64_t> tokens = randomTokens(rows * length, 5);
  const std::vector<float> expected = referenceLogits(config, weights, kVocabulary, tokens, rows, length);

  const InferenceNetwork network(config, weights, kVocabulary);
  InferenceNetwork::State state = network.zeroState(rows);
  std::vector<float> logits(rows * kVocabulary);
  for (int position = 0; position < length; ++position) {
    std::vector<int> column(rows);
    for (int row = 0; row < rows; ++row) column[row] = static_cast<int>(tokens[row * length + position]);
    network.step(column, state, logits);
    for (int row = 0; row < rows; ++row)
      for (int v = 0; v < kVocabulary; ++v)
        ASSERT_NEAR(logits[row * kVocabulary + v], expected[(row * length + position) * kVocabulary + v], 1e-4)
            << "row " << row << " position " << position;
  }
}

TEST(InferenceNetwork, SeedWindowsMatchLibTorch) {
  const NetworkConfig config = seedLikeNetwork();
  const Weights weights = initialWeights(config, kVocabulary, 4);
  const int rows = 5;
  const std::vector<std::int64_t> tokens = randomTokens(rows * config.window, 6);
  const std::vector<float> expected = referenceLogits(config, weights, kVocabulary, tokens, rows, config.window);
  const InferenceNetwork network(config, weights, kVocabulary);
  std::vector<int> windows(tokens.begin(), tokens.end());
  std::vector<float> logits(rows * kVocabulary);
  network.readWindows(windows, rows, config.window, logits);
  for (std::size_t i = 0; i < logits.size(); ++i) ASSERT_NEAR(logits[i], expected[i], 1e-4) << i;
}

TEST(InferenceNetwork, EachRowIsComputedExactlyAsItWouldBeAlone) {
  const NetworkConfig config = twoLayerNetwork();
  const InferenceNetwork network(config, initialWeights(config, kVocabulary, 8), kVocabulary);
  const int rows = 7;  // a block of four and three rows alone
  const std::vector<std::int64_t> tokens = randomTokens(rows * 9, 10);
  InferenceNetwork::State batch = network.zeroState(rows);
  std::vector<InferenceNetwork::State> singles(rows, network.zeroState(1));
  std::vector<float> batchLogits(rows * kVocabulary), singleLogits(kVocabulary);
  for (int position = 0; position < 9; ++position) {
    std::vector<int> column(rows);
    for (int row = 0; row < rows; ++row) column[row] = static_cast<int>(tokens[row * 9 + position]);
    network.step(column, batch, batchLogits);
    for (int row = 0; row < rows; ++row) {
      network.step(std::span<const int>(&column[row], 1), singles[row], singleLogits);
      for (int v = 0; v < kVocabulary; ++v) ASSERT_EQ(batchLogits[row * kVocabulary + v], singleLogits[v]);
    }
  }
}

TEST(InferenceNetwork, RejectsWeightsOfAnotherShapeAndTokensOutOfRange) {
  const NetworkConfig config = twoLayerNetwork();
  Weights weights = initialWeights(config, kVocabulary, 1);
  EXPECT_THROW(InferenceNetwork(config, weights, kVocabulary + 1), std::invalid_argument);
  const InferenceNetwork network(config, weights, kVocabulary);
  InferenceNetwork::State state = network.zeroState(1);
  std::vector<float> logits(kVocabulary);
  const int outside = kVocabulary;
  EXPECT_THROW(network.step(std::span<const int>(&outside, 1), state, logits), std::out_of_range);
}

}  // namespace
}  // namespace lofi
