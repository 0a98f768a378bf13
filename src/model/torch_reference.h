// LibTorch's side of the network for checks and benchmarks, behind plain
// types: fresh weights as the trainer would start from, and LibTorch's own
// forward pass to hold the inference network to.
#pragma once

#include <cstdint>
#include <vector>

#include "model/network_config.h"
#include "model/weights.h"

namespace lofi {

// Weights of a new network, drawn with LibTorch's generator seeded by `seed`.
Weights initialWeights(const NetworkConfig& config, int vocabularySize, std::uint64_t seed);

// Logits from LibTorch in evaluation mode for `rows` x `length` tokens: every
// position (rows x length x vocabulary) or, for window networks, the token after (rows x vocabulary).
std::vector<float> referenceLogits(const NetworkConfig& config, const Weights& weights, int vocabularySize,
                                   const std::vector<std::int64_t>& tokens, int rows, int length);

// LibTorch's thread count for training (at::set_num_threads); 0 means every core.
void setTrainingThreads(int threads);
int trainingThreads();

}  // namespace lofi
