#include "model/network_config.h"

#include <stdexcept>

namespace lofi {
namespace {

void validate(const NetworkConfig& config) {
  auto fail = [](const std::string& why) { throw std::invalid_argument("network: " + why); };
  if (config.lstmSizes.empty()) fail("needs at least one LSTM layer");
  for (int size : config.lstmSizes)
    if (size <= 0 || size > 8192) fail("LSTM size " + std::to_string(size) + " out of range 1-8192");
  for (int size : config.denseSizes)
    if (size <= 0 || size > 8192) fail("dense size " + std::to_string(size) + " out of range 1-8192");
  if (config.input == InputKind::Embedding && (config.embeddingSize <= 0 || config.embeddingSize > 8192))
    fail("embedding size " + std::to_string(config.embeddingSize) + " out of range 1-8192");
  if (config.dropout < 0 || config.dropout >= 1) fail("dropout must be in [0, 1)");
  if (config.window < 0 || config.window > 4096) fail("window must be in 0-4096");
  if (config.input == InputKind::Scalar && config.window == 0)
    fail("the scalar input (seed) reads windows: window must be > 0");
}

}  // namespace

NetworkConfig presetNetwork(const std::string& preset) {
  NetworkConfig config;
  config.preset = preset;
  if (preset == "seed") {
    // The seed: LSTM 256 -> dropout -> LSTM 512 -> dropout -> LSTM 256 -> Dense 256 -> dropout -> Dense vocabulary.
    config.input = InputKind::Scalar;
    config.lstmSizes = {256, 512, 256};
    config.denseSizes = {256};
    config.dropout = 0.3;
    config.window = 100;
  } else if (preset == "default") {
    // Sizes chosen by held-out loss against speed (docs/model.md): LSTM 384
    // lowers the piano corpus's held-out loss by about 1 % for twice the work
    // per token, and the server writes tracks for many listeners at once.
    config.input = InputKind::Embedding;
    config.embeddingSize = 128;
    config.lstmSizes = {256};
    config.dropout = 0.3;
    config.window = 0;
  } else {
    throw std::invalid_argument("unknown preset '" + preset + "' (known: seed, default)");
  }
  return config;
}

std::vector<std::string> presetNames() { return {"seed", "default"}; }

std::vector<TensorShape> parameterShapes(const NetworkConfig& config, std::int64_t vocabularySize) {
  validate(config);
  if (vocabularySize <= 0) throw std::invalid_argument("network: empty vocabulary");
  std::vector<TensorShape> shapes;
  std::int64_t inputSize = 1;
  if (config.input == InputKind::Embedding) {
    shapes.push_back({"embedding.weight", {vocabularySize, config.embeddingSize}});
    inputSize = config.embeddingSize;
  }
  for (std::size_t layer = 0; layer < config.lstmSizes.size(); ++layer) {
    const std::int64_t hidden = config.lstmSizes[layer];
    const std::string prefix = "lstm" + std::to_string(layer) + ".";
    shapes.push_back({prefix + "weight_ih", {4 * hidden, inputSize}});
    shapes.push_back({prefix + "weight_hh", {4 * hidden, hidden}});
    shapes.push_back({prefix + "bias_ih", {4 * hidden}});
    shapes.push_back({prefix + "bias_hh", {4 * hidden}});
    inputSize = hidden;
  }
  for (std::size_t layer = 0; layer < config.denseSizes.size(); ++layer) {
    const std::string prefix = "dense" + std::to_string(layer) + ".";
    shapes.push_back({prefix + "weight", {config.denseSizes[layer], inputSize}});
    shapes.push_back({prefix + "bias", {config.denseSizes[layer]}});
    inputSize = config.denseSizes[layer];
  }
  shapes.push_back({"output.weight", {vocabularySize, inputSize}});
  shapes.push_back({"output.bias", {vocabularySize}});
  return shapes;
}

std::int64_t parameterCount(const NetworkConfig& config, std::int64_t vocabularySize) {
  std::int64_t count = 0;
  for (const TensorShape& tensor : parameterShapes(config, vocabularySize)) {
    std::int64_t elements = 1;
    for (std::int64_t dimension : tensor.shape) elements *= dimension;
    count += elements;
  }
  return count;
}

nlohmann::json toJson(const NetworkConfig& config) {
  return {{"preset", config.preset},
          {"input", config.input == InputKind::Embedding ? "embedding" : "scalar"},
          {"embeddingSize", config.embeddingSize},
          {"lstmSizes", config.lstmSizes},
          {"denseSizes", config.denseSizes},
          {"dropout", config.dropout},
          {"window", config.window}};
}

NetworkConfig networkConfigFromJson(const nlohmann::json& json) {
  NetworkConfig config;
  try {
    config.preset = json.at("preset").get<std::string>();
    const std::string input = json.at("input").get<std::string>();
    if (input != "embedding" && input != "scalar") throw std::invalid_argument("network: unknown input '" + input + "'");
    config.input = input == "embedding" ? InputKind::Embedding : InputKind::Scalar;
    config.embeddingSize = json.at("embeddingSize").get<int>();
    config.lstmSizes = json.at("lstmSizes").get<std::vector<int>>();
    config.denseSizes = json.at("denseSizes").get<std::vector<int>>();
    config.dropout = json.at("dropout").get<double>();
    config.window = json.at("window").get<int>();
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("network settings: ") + error.what());
  }
  validate(config);
  return config;
}

}  // namespace lofi
