#include "model/inference_network.h"

#include <algorithm>
#include <stdexcept>

#include "model/vector_kernels.h"

namespace lofi {
namespace {

std::vector<float> transposed(const NamedTensor& tensor) {
  const auto rows = static_cast<std::size_t>(tensor.shape[0]);
  const auto columns = static_cast<std::size_t>(tensor.shape[1]);
  std::vector<float> result(rows * columns);
  for (std::size_t row = 0; row < rows; ++row)
    for (std::size_t column = 0; column < columns; ++column) result[column * rows + row] = tensor.values[row * columns + column];
  return result;
}

// y[r] += x[r] * W for every row, through the row-independent kernel.
void multiplyRows(const std::vector<float>& weightsT, int inputs, int outputs, const std::vector<const float*>& x,
                  const std::vector<float*>& y) {
  addProductRows(weightsT.data(), inputs, outputs, static_cast<int>(x.size()), x.data(), y.data());
}

}  // namespace

InferenceNetwork::InferenceNetwork(const NetworkConfig& config, const Weights& weights, int vocabularySize)
    : config_(config), vocabularySize_(vocabularySize) {
  const std::vector<TensorShape> shapes = parameterShapes(config, vocabularySize);
  for (const TensorShape& expected : shapes) {
    const NamedTensor& tensor = findTensor(weights, expected.name);
    if (tensor.shape != expected.shape)
      throw std::invalid_argument("weights: '" + expected.name + "' is " + shapeText(tensor.shape) + ", expected " +
                                  shapeText(expected.shape));
  }
  int inputs = config.input == InputKind::Embedding ? config.embeddingSize : 1;
  for (std::size_t index = 0; index < config.lstmSizes.size(); ++index) {
    const std::string prefix = "lstm" + std::to_string(index) + ".";
    Lstm lstm;
    lstm.hidden = config.lstmSizes[index];
    lstm.input = {inputs, 4 * lstm.hidden, transposed(findTensor(weights, prefix + "weight_ih")),
                  findTensor(weights, prefix + "bias_ih").values};
    const std::vector<float>& recurrentBias = findTensor(weights, prefix + "bias_hh").values;
    for (int j = 0; j < 4 * lstm.hidden; ++j) lstm.input.bias[j] += recurrentBias[j];
    lstm.recurrent = {lstm.hidden, 4 * lstm.hidden, transposed(findTensor(weights, prefix + "weight_hh")), {}};
    lstms_.push_back(std::move(lstm));
    inputs = config.lstmSizes[index];
  }
  for (std::size_t index = 0; index <= config.denseSizes.size(); ++index) {
    const bool isOutput = index == config.denseSizes.size();
    const std::string prefix = isOutput ? "output." : "dense" + std::to_string(index) + ".";
    const NamedTensor& weight = findTensor(weights, prefix + "weight");
    head_.push_back({inputs, static_cast<int>(weight.shape[0]), transposed(weight), findTensor(weights, prefix + "bias").values});
    inputs = head_.back().outputs;
  }
  if (config.input == InputKind::Embedding) {
    // A token's contribution to the first layer's gates is fixed: compute it once per token.
    const Lstm& first = lstms_.front();
    const std::vector<float>& table = findTensor(weights, "embedding.weight").values;
    const int gates = first.input.outputs;
    embeddedGates_.resize(static_cast<std::size_t>(vocabularySize) * gates);
    for (int token = 0; token < vocabularySize; ++token) {
      float* row = embeddedGates_.data() + static_cast<std::size_t>(token) * gates;
      std::copy(first.input.bias.begin(), first.input.bias.end(), row);
      const float* vector = table.data() + static_cast<std::size_t>(token) * config.embeddingSize;
      addProductRows(first.input.weightsT.data(), first.input.inputs, gates, 1, &vector, &row);
    }
  }
}

InferenceNetwork::State InferenceNetwork::zeroState(int rows) const {
  State state;
  state.rows = rows;
  for (const Lstm& lstm : lstms_) {
    state.hidden.emplace_back(static_cast<std::size_t>(rows) * lstm.hidden, 0.0f);
    state.cell.emplace_back(static_cast<std::size_t>(rows) * lstm.hidden, 0.0f);
  }
  return state;
}

void InferenceNetwork::copyRow(const State& from, int fromRow, State& to, int toRow) {
  for (std::size_t layer = 0; layer < from.hidden.size(); ++layer) {
    const std::size_t hidden = from.hidden[layer].size() / from.rows;
    std::copy_n(from.hidden[layer].begin() + fromRow * hidden, hidden, to.hidden[layer].begin() + toRow * hidden);
    std::copy_n(from.cell[layer].begin() + fromRow * hidden, hidden, to.cell[layer].begin() + toRow * hidden);
  }
}

void InferenceNetwork::runLstms(std::span<const int> tokens, State& state) const {
  const int rows = state.rows;
  if (static_cast<int>(tokens.size()) != rows) throw std::invalid_argument("inference: one token per row needed");
  for (int token : tokens)
    if (token < 0 || token >= vocabularySize_)
      throw std::out_of_range("inference: token index " + std::to_string(token) + " outside the vocabulary");
  std::vector<float> gates;
  std::vector<const float*> inputs(rows), previous(rows);
  std::vector<float*> gateRows(rows);
  std::vector<float> scalar(rows);
  for (std::size_t layer = 0; layer < lstms_.size(); ++layer) {
    const Lstm& lstm = lstms_[layer];
    const int width = 4 * lstm.hidden;
    gates.resize(static_cast<std::size_t>(rows) * width);
    for (int row = 0; row < rows; ++row) {
      float* rowGates = gates.data() + static_cast<std::size_t>(row) * width;
      gateRows[row] = rowGates;
      previous[row] = state.hidden[layer].data() + static_cast<std::size_t>(row) * lstm.hidden;
      if (layer == 0 && config_.input == InputKind::Embedding) {
        const float* cached = embeddedGates_.data() + static_cast<std::size_t>(tokens[row]) * width;
        std::copy(cached, cached + width, rowGates);
      } else {
        std::copy(lstm.input.bias.begin(), lstm.input.bias.end(), rowGates);
        if (layer == 0) {
          // The seed feeds each token as its index divided by the vocabulary size.
          scalar[row] = static_cast<float>(tokens[row]) / static_cast<float>(vocabularySize_);
          inputs[row] = &scalar[row];
        } else {
          inputs[row] = state.hidden[layer - 1].data() + static_cast<std::size_t>(row) * lstms_[layer - 1].hidden;
        }
      }
    }
    if (layer > 0 || config_.input == InputKind::Scalar) multiplyRows(lstm.input.weightsT, lstm.input.inputs, width, inputs, gateRows);
    multiplyRows(lstm.recurrent.weightsT, lstm.hidden, width, previous, gateRows);
    for (int row = 0; row < rows; ++row) {
      const std::size_t offset = static_cast<std::size_t>(row) * lstm.hidden;
      lstmCell(gateRows[row], lstm.hidden, state.cell[layer].data() + offset, state.hidden[layer].data() + offset);
    }
  }
}

void InferenceNetwork::runHead(const State& state, std::span<float> logits) const {
  const int rows = state.rows;
  if (logits.size() != static_cast<std::size_t>(rows) * vocabularySize_)
    throw std::invalid_argument("inference: logits must hold rows x vocabulary values");
  std::vector<float> current(state.hidden.back());
  std::vector<float> next;
  int width = lstms_.back().hidden;
  for (std::size_t index = 0; index < head_.size(); ++index) {
    const Layer& layer = head_[index];
    const bool isOutput = index + 1 == head_.size();
    float* outputs = nullptr;
    if (isOutput) {
      outputs = logits.data();
    } else {
      next.resize(static_cast<std::size_t>(rows) * layer.outputs);
      outputs = next.data();
    }
    std::vector<const float*> inputRows(rows);
    std::vector<float*> outputRows(rows);
    for (int row = 0; row < rows; ++row) {
      inputRows[row] = current.data() + static_cast<std::size_t>(row) * width;
      outputRows[row] = outputs + static_cast<std::size_t>(row) * layer.outputs;
      std::copy(layer.bias.begin(), layer.bias.end(), outputRows[row]);
    }
    multiplyRows(layer.weightsT, layer.inputs, layer.outputs, inputRows, outputRows);
    if (!isOutput) {
      current.swap(next);
      width = layer.outputs;
    }
  }
}

void InferenceNetwork::step(std::span<const int> tokens, State& state, std::span<float> logits) const {
  runLstms(tokens, state);
  if (!logits.empty()) runHead(state, logits);
}

void InferenceNetwork::readWindows(std::span<const int> windows, int rows, int length, std::span<float> logits) const {
  if (length <= 0 || windows.size() != static_cast<std::size_t>(rows) * length)
    throw std::invalid_argument("inference: windows must hold rows x length tokens");
  State state = zeroState(rows);
  std::vector<int> column(rows);
  for (int position = 0; position < length; ++position) {
    for (int row = 0; row < rows; ++row) column[row] = windows[static_cast<std::size_t>(row) * length + position];
    runLstms(column, state);
  }
  runHead(state, logits);
}

}  // namespace lofi
