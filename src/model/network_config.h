// The shape of a network, as plain data: which preset, how tokens enter, the
// LSTM and dense layer sizes. Saved in the model file; both the training
// network (LibTorch) and the inference network are built from it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lofi {

enum class InputKind {
  Embedding,  // a learned vector per token
  Scalar,     // the seed's: one number, index / vocabulary size
};

struct NetworkConfig {
  std::string preset = "default";
  InputKind input = InputKind::Embedding;
  int embeddingSize = 0;          // Embedding input only
  std::vector<int> lstmSizes;     // hidden size of each LSTM layer, in order
  std::vector<int> denseSizes;    // linear layers between the last LSTM and the output
  // While training: after each LSTM (except a last one followed by dense
  // layers, as in the seed) and after each dense layer.
  double dropout = 0.0;
  // > 0: reads windows of this many tokens from a zero state and predicts the
  // token after each (the seed); 0: predicts every next token and carries its
  // state, so generation costs one step per token.
  int window = 0;

  bool carriesState() const { return window == 0; }
  int lastHiddenSize() const { return lstmSizes.back(); }
  bool operator==(const NetworkConfig&) const = default;
};

// "seed" or "default"; throws std::invalid_argument listing the names otherwise.
NetworkConfig presetNetwork(const std::string& preset);
std::vector<std::string> presetNames();

// A parameter's name and shape, in the order the networks hold them.
struct TensorShape {
  std::string name;
  std::vector<std::int64_t> shape;
};
// Every parameter of a network of this shape over `vocabularySize` tokens.
// Names: "embedding.weight", "lstm{i}.weight_ih|weight_hh|bias_ih|bias_hh"
// (gates in LibTorch's order: input, forget, cell, output), "dense{j}.weight|bias",
// "output.weight|bias". Throws std::invalid_argument if the config is not valid.
std::vector<TensorShape> parameterShapes(const NetworkConfig& config, std::int64_t vocabularySize);
std::int64_t parameterCount(const NetworkConfig& config, std::int64_t vocabularySize);

nlohmann::json toJson(const NetworkConfig& config);
// Throws std::invalid_argument naming the field that is missing or wrong.
NetworkConfig networkConfigFromJson(const nlohmann::json& json);

}  // namespace lofi
