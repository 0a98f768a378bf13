// What a training run records: one line per epoch and a loss every few steps.
// Written beside the checkpoints as log.json and drawn as loss.svg.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lofi {

struct EpochRecord {
  int epoch = 0;  // counted from 1
  double trainLoss = 0;  // mean cross-entropy per token, nats, with dropout on
  std::optional<double> validationLoss;
  double seconds = 0;          // training and validation
  double tokensPerSecond = 0;  // predicted tokens per second of training
  double learningRate = 0;     // at the end of the epoch
};

struct StepRecord {
  std::int64_t step = 0;  // counted over the whole run
  double loss = 0;        // mean over the steps since the last record
};

struct TrainingLog {
  std::vector<EpochRecord> epochs;
  std::vector<StepRecord> steps;

  nlohmann::json toJson() const;
  // Throws std::invalid_argument if the JSON is not a log.
  static TrainingLog fromJson(const nlohmann::json& json);
};

// An SVG picture of the step losses and the train and validation loss per epoch.
std::string lossCurvesSvg(const TrainingLog& log, const std::string& title);

}  // namespace lofi
