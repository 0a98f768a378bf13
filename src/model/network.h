// The training network in LibTorch. This header includes <torch/torch.h>:
// include it only from the model library's network.cpp and trainer.cpp, never
// from a header others use (the CLI and the server stay free of LibTorch).
#pragma once

#include <torch/torch.h>

#include "model/dataset.h"
#include "model/network_config.h"
#include "model/weights.h"

namespace lofi {

class LstmNetworkImpl : public torch::nn::Module {
 public:
  LstmNetworkImpl(const NetworkConfig& config, int vocabularySize);

  // inputs: [rows, length] token indices. Every-position networks give logits
  // [rows, length, vocabulary]; window networks the next token's [rows, vocabulary].
  torch::Tensor forward(const torch::Tensor& inputs);

  Weights exportWeights() const;
  // Throws std::invalid_argument if a tensor is missing or has another shape.
  void importWeights(const Weights& weights);
  // Keras' initialisers (Glorot, orthogonal, forget-gate bias 1), as the seed trained with.
  void initializeLikeKeras();

  const NetworkConfig& config() const { return config_; }

 private:
  std::vector<std::pair<std::string, torch::Tensor>> namedTensors() const;
  NetworkConfig config_;
  int vocabularySize_;
  torch::nn::Embedding embedding_{nullptr};
  std::vector<torch::nn::LSTM> lstms_;
  std::vector<torch::nn::Linear> dense_;
  torch::nn::Linear output_{nullptr};
  torch::nn::Dropout dropout_{nullptr};
};
TORCH_MODULE(LstmNetwork);

// The batch as tensors, and the summed cross-entropy of its targets (padding left out).
torch::Tensor summedLoss(LstmNetwork& network, const Batch& batch, std::int64_t padIndex);

}  // namespace lofi
