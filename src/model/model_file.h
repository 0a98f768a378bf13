// One model file holds everything needed to generate and to go on training:
// the weights, the vocabulary, the encoding, the network shape, the training
// settings and, in checkpoints, the optimizer's and random generator's state.
//
// Layout: "LOFIMODL", a u32 version, then sections (4-byte tag, u64 length,
// bytes): META (JSON), WGHT (tensors), and in checkpoints OPTM, RNGS, STAT;
// then the CRC-32 of all bytes before it. Integers are little-endian.
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/network_config.h"
#include "model/train_settings.h"
#include "model/vocabulary.h"
#include "model/weights.h"

namespace lofi {

inline constexpr std::uint32_t kModelFileVersion = 1;

// A file that is not a model, is damaged, or does not fit together. The message
// names the file and what is wrong.
class ModelFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where an interrupted or finished run stands, so that --resume goes on exactly.
struct TrainingState {
  int epoch = 0;              // epochs finished
  std::int64_t step = 0;      // batches done in the epoch in progress
  std::int64_t globalStep = 0;
  double epochLossSum = 0;    // of the epoch in progress, weighted by targets
  std::int64_t epochTargets = 0;
  double bestValidationLoss = std::numeric_limits<double>::infinity();
  std::string optimizer;      // LibTorch archive of the optimizer
  std::string randomState;    // LibTorch's CPU random generator
  nlohmann::json log = nlohmann::json::object();
};

struct ModelFile {
  std::string encoding;
  Vocabulary vocabulary;
  NetworkConfig network;
  TrainSettings training;
  Weights weights;
  std::vector<Tokens> primers;  // windows of training music for `--primer random`
  std::vector<std::string> trainPieces;
  std::vector<std::string> validationPieces;
  std::uint64_t dataFingerprint = 0;
  std::optional<TrainingState> state;  // checkpoints only
};

std::string serializeModelFile(const ModelFile& model);
// `name` is used in error messages. Throws ModelFileError.
ModelFile parseModelFile(std::string_view bytes, const std::string& name);

void saveModelFile(const ModelFile& model, const std::string& path);  // atomic
ModelFile loadModelFile(const std::string& path);                      // throws ModelFileError

}  // namespace lofi
