// The network for generation and evaluation, in plain C++ over the saved
// weights (no LibTorch): one step per token with the LSTM state carried, many
// sequences at once, each computed exactly as it would be alone.
#pragma once

#include <span>
#include <vector>

#include "model/network_config.h"
#include "model/weights.h"

namespace lofi {

class InferenceNetwork {
 public:
  // Throws std::invalid_argument if the weights do not fit the config.
  InferenceNetwork(const NetworkConfig& config, const Weights& weights, int vocabularySize);

  // The recurrent state of `rows` sequences: per layer, rows x hidden.
  struct State {
    int rows = 0;
    std::vector<std::vector<float>> hidden;
    std::vector<std::vector<float>> cell;
  };
  State zeroState(int rows) const;
  // Copies one row's state (e.g. after reading a primer alone) into a batch.
  static void copyRow(const State& from, int fromRow, State& to, int toRow);

  // Feeds one token per row; writes the next token's logits (rows x vocabulary)
  // if `logits` is not empty.
  void step(std::span<const int> tokens, State& state, std::span<float> logits) const;

  // The seed's way: reads each row's window (rows x length tokens) from a zero
  // state and writes the logits of the token after it.
  void readWindows(std::span<const int> windows, int rows, int length, std::span<float> logits) const;

  int vocabularySize() const { return vocabularySize_; }
  const NetworkConfig& config() const { return config_; }

 private:
  struct Layer {
    int inputs = 0;
    int outputs = 0;
    std::vector<float> weightsT;  // inputs x outputs
    std::vector<float> bias;      // outputs
  };
  struct Lstm {
    int hidden = 0;
    Layer input;      // outputs 4 x hidden; the bias holds both LibTorch biases
    Layer recurrent;  // no bias
  };
  void runLstms(std::span<const int> tokens, State& state) const;
  void runHead(const State& state, std::span<float> logits) const;

  NetworkConfig config_;
  int vocabularySize_ = 0;
  std::vector<float> embeddedGates_;  // vocabulary x 4*hidden: first layer's input part, bias included
  std::vector<Lstm> lstms_;
  std::vector<Layer> head_;  // dense layers, then the output layer
};

}  // namespace lofi
