#include "model/train_settings.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lofi {

TrainSettings presetTraining(const std::string& preset) {
  TrainSettings settings;
  if (preset == "seed") {
    // Keras defaults as the seed used them: RMSprop at 0.001, no clipping, no schedule.
    settings.epochs = 200;
    settings.batch = 128;
    settings.learningRate = 1e-3;
    settings.transpose = false;
    settings.optimizer = OptimizerKind::RmsProp;
    settings.gradientClip = 0;
    settings.warmupFraction = 0;
    settings.finalLearningRate = 1;
  } else if (preset != "default") {
    throw std::invalid_argument("unknown preset '" + preset + "' (known: seed, default)");
  }
  return settings;
}

double learningRateAt(const TrainSettings& settings, std::int64_t step, std::int64_t totalSteps) {
  const double peak = settings.learningRate;
  if (totalSteps <= 0) return peak;
  const auto warmupSteps = static_cast<std::int64_t>(settings.warmupFraction * static_cast<double>(totalSteps));
  if (step < warmupSteps) return peak * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
  const double progress =
      std::clamp(static_cast<double>(step - warmupSteps) / std::max<double>(1.0, totalSteps - warmupSteps), 0.0, 1.0);
  const double floor = settings.finalLearningRate;
  return peak * (floor + (1 - floor) * 0.5 * (1 + std::cos(std::numbers::pi * progress)));
}

nlohmann::json toJson(const TrainSettings& settings) {
  return {{"epochs", settings.epochs},
          {"batch", settings.batch},
          {"learningRate", settings.learningRate},
          {"validationFraction", settings.validationFraction},
          {"seed", settings.seed},
          {"sequenceLength", settings.sequenceLength},
          {"transpose", settings.transpose},
          {"optimizer", settings.optimizer == OptimizerKind::Adam ? "adam" : "rmsprop"},
          {"gradientClip", settings.gradientClip},
          {"warmupFraction", settings.warmupFraction},
          {"finalLearningRate", settings.finalLearningRate},
          {"threads", settings.threads},
          {"parts", settings.parts}};
}

TrainSettings trainSettingsFromJson(const nlohmann::json& json) {
  TrainSettings settings;
  try {
    settings.epochs = json.at("epochs").get<int>();
    settings.batch = json.at("batch").get<int>();
    settings.learningRate = json.at("learningRate").get<double>();
    settings.validationFraction = json.at("validationFraction").get<double>();
    settings.seed = json.at("seed").get<std::uint64_t>();
    settings.sequenceLength = json.at("sequenceLength").get<int>();
    settings.transpose = json.at("transpose").get<bool>();
    const std::string optimizer = json.at("optimizer").get<std::string>();
    if (optimizer != "adam" && optimizer != "rmsprop")
      throw std::invalid_argument("training settings: unknown optimizer '" + optimizer + "'");
    settings.optimizer = optimizer == "adam" ? OptimizerKind::Adam : OptimizerKind::RmsProp;
    settings.gradientClip = json.at("gradientClip").get<double>();
    settings.warmupFraction = json.at("warmupFraction").get<double>();
    settings.finalLearningRate = json.at("finalLearningRate").get<double>();
    settings.threads = json.at("threads").get<int>();
    if (json.contains("parts")) settings.parts = json.at("parts").get<std::vector<std::string>>();  // newer files
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("training settings: ") + error.what());
  }
  return settings;
}

}  // namespace lofi
