#include "model/network.h"

#include <cmath>
#include <stdexcept>
#include <thread>

#include "model/torch_reference.h"

namespace lofi {

LstmNetworkImpl::LstmNetworkImpl(const NetworkConfig& config, int vocabularySize)
    : config_(config), vocabularySize_(vocabularySize) {
  parameterShapes(config, vocabularySize);  // validates
  std::int64_t inputs = 1;
  if (config.input == InputKind::Embedding) {
    embedding_ = register_module("embedding", torch::nn::Embedding(vocabularySize, config.embeddingSize));
    inputs = config.embeddingSize;
  }
  for (std::size_t layer = 0; layer < config.lstmSizes.size(); ++layer) {
    auto options = torch::nn::LSTMOptions(inputs, config.lstmSizes[layer]).batch_first(true);
    lstms_.push_back(register_module("lstm" + std::to_string(layer), torch::nn::LSTM(options)));
    inputs = config.lstmSizes[layer];
  }
  for (std::size_t layer = 0; layer < config.denseSizes.size(); ++layer) {
    dense_.push_back(register_module("dense" + std::to_string(layer), torch::nn::Linear(inputs, config.denseSizes[layer])));
    inputs = config.denseSizes[layer];
  }
  output_ = register_module("output", torch::nn::Linear(inputs, vocabularySize));
  dropout_ = register_module("dropout", torch::nn::Dropout(config.dropout));
}

torch::Tensor LstmNetworkImpl::forward(const torch::Tensor& inputs) {
  torch::Tensor x;
  if (config_.input == InputKind::Embedding) {
    x = embedding_(inputs);
  } else {
    // The seed feeds each token as its index divided by the vocabulary size.
    x = inputs.to(torch::kFloat32).div(static_cast<double>(vocabularySize_)).unsqueeze(-1);
  }
  // Dropout between layers, as the seed's: after each LSTM except a last one
  // that feeds dense layers, and after each dense layer.
  for (std::size_t layer = 0; layer < lstms_.size(); ++layer) {
    x = std::get<0>(lstms_[layer](x));
    if (layer + 1 < lstms_.size() || dense_.empty()) x = dropout_(x);
  }
  // A window network predicts from the last position only (Keras' return_sequences=False).
  if (!config_.carriesState()) x = x.select(1, x.size(1) - 1);
  for (auto& dense : dense_) x = dropout_(dense(x));
  return output_(x);
}

std::vector<std::pair<std::string, torch::Tensor>> LstmNetworkImpl::namedTensors() const {
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  if (embedding_) tensors.emplace_back("embedding.weight", embedding_->weight);
  for (std::size_t layer = 0; layer < lstms_.size(); ++layer) {
    const std::string prefix = "lstm" + std::to_string(layer) + ".";
    const auto& lstm = lstms_[layer];
    for (const char* name : {"weight_ih", "weight_hh", "bias_ih", "bias_hh"})
      tensors.emplace_back(prefix + name, lstm->named_parameters()[std::string(name) + "_l0"]);
  }
  for (std::size_t layer = 0; layer < dense_.size(); ++layer) {
    const std::string prefix = "dense" + std::to_string(layer) + ".";
    tensors.emplace_back(prefix + "weight", dense_[layer]->weight);
    tensors.emplace_back(prefix + "bias", dense_[layer]->bias);
  }
  tensors.emplace_back("output.weight", output_->weight);
  tensors.emplace_back("output.bias", output_->bias);
  return tensors;
}

Weights LstmNetworkImpl::exportWeights() const {
  Weights weights;
  for (const auto& [name, tensor] : namedTensors()) {
    const torch::Tensor values = tensor.detach().to(torch::kFloat32).contiguous();
    NamedTensor named;
    named.name = name;
    named.shape = values.sizes().vec();
    named.values.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    weights.push_back(std::move(named));
  }
  return weights;
}

void LstmNetworkImpl::importWeights(const Weights& weights) {
  torch::NoGradGuard noGrad;
  for (auto& [name, tensor] : namedTensors()) {
    const NamedTensor& source = findTensor(weights, name);
    if (source.shape != tensor.sizes().vec())
      throw std::invalid_argument("weights: '" + name + "' is " + shapeText(source.shape) + ", the network needs " +
                                  shapeText(tensor.sizes().vec()));
    tensor.copy_(torch::from_blob(const_cast<float*>(source.values.data()), tensor.sizes(), torch::kFloat32));
  }
}

void LstmNetworkImpl::initializeLikeKeras() {
  torch::NoGradGuard noGrad;
  for (auto& lstm : lstms_) {
    const auto hidden = lstm->options.hidden_size();
    auto parameters = lstm->named_parameters();
    // Keras holds each gate matrix as one kernel (inputs x 4 hidden): Glorot over that shape.
    torch::Tensor inputWeights = parameters["weight_ih_l0"];
    const double limit = std::sqrt(6.0 / static_cast<double>(inputWeights.size(0) + inputWeights.size(1)));
    inputWeights.uniform_(-limit, limit);
    // The recurrent kernel is orthogonal as a whole (hidden x 4 hidden), as Keras draws it.
    torch::Tensor recurrent = torch::empty({hidden, 4 * hidden});
    torch::nn::init::orthogonal_(recurrent);
    parameters["weight_hh_l0"].copy_(recurrent.t());
    parameters["bias_ih_l0"].zero_();
    parameters["bias_hh_l0"].zero_();
    parameters["bias_ih_l0"].slice(0, hidden, 2 * hidden).fill_(1.0);  // unit_forget_bias
  }
  auto glorot = [](torch::nn::Linear& layer) {
    torch::nn::init::xavier_uniform_(layer->weight);
    layer->bias.zero_();
  };
  for (auto& dense : dense_) glorot(dense);
  glorot(output_);
}

torch::Tensor summedLoss(LstmNetwork& network, const Batch& batch, std::int64_t padIndex) {
  const torch::Tensor inputs =
      torch::from_blob(const_cast<std::int64_t*>(batch.inputs.data()), {batch.rows, batch.inputLength}, torch::kInt64);
  const torch::Tensor targets =
      torch::from_blob(const_cast<std::int64_t*>(batch.targets.data()), {batch.rows * batch.targetLength}, torch::kInt64);
  torch::Tensor logits = network->forward(inputs);
  logits = logits.reshape({batch.rows * batch.targetLength, logits.size(-1)});
  namespace F = torch::nn::functional;
  return F::cross_entropy(logits, targets,
                          F::CrossEntropyFuncOptions().ignore_index(padIndex < 0 ? -100 : padIndex).reduction(torch::kSum));
}

Weights initialWeights(const NetworkConfig& config, int vocabularySize, std::uint64_t seed) {
  torch::manual_seed(seed);
  LstmNetwork network(config, vocabularySize);
  if (config.preset == "seed") network->initializeLikeKeras();
  return network->exportWeights();
}

std::vector<float> referenceLogits(const NetworkConfig& config, const Weights& weights, int vocabularySize,
                                   const std::vector<std::int64_t>& tokens, int rows, int length) {
  LstmNetwork network(config, vocabularySize);
  network->importWeights(weights);
  network->eval();
  torch::NoGradGuard noGrad;
  const torch::Tensor inputs = torch::tensor(tokens, torch::kInt64).reshape({rows, length});
  const torch::Tensor logits = network->forward(inputs).contiguous();
  return {logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel()};
}

void setTrainingThreads(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  torch::set_num_threads(threads);
}

int trainingThreads() { return torch::get_num_threads(); }

}  // namespace lofi
