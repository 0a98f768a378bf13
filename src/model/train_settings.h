// How a network is trained, as plain data with each preset's defaults in one
// place. Saved in the model file so that a run can be resumed and repeated.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lofi {

enum class OptimizerKind { Adam, RmsProp };

struct TrainSettings {
  int epochs = 30;
  int batch = 64;
  double learningRate = 2e-3;
  double validationFraction = 0.1;  // share of pieces held out, chosen by the seed
  std::uint64_t seed = 1;
  int sequenceLength = 128;  // tokens per training window when every position is predicted
  bool transpose = true;     // show each training piece in all twelve keys
  OptimizerKind optimizer = OptimizerKind::Adam;
  double gradientClip = 1.0;     // largest gradient norm; 0 turns clipping off
  double warmupFraction = 0.03;  // share of steps with a rising learning rate, then cosine decay
  double finalLearningRate = 0.1;  // cosine decay ends at this share of the peak; 1 keeps it constant
  int threads = 0;               // 0: every core
  std::vector<std::string> parts;  // MIDI parts trained on (lower-case track names); empty: all

  bool operator==(const TrainSettings&) const = default;
};

// The seed's settings (RMSprop as Keras, batch 128, no transposition) or ours.
// Throws std::invalid_argument for an unknown preset.
TrainSettings presetTraining(const std::string& preset);

// Learning rate at `step` of `totalSteps`: linear warm-up, then cosine decay.
double learningRateAt(const TrainSettings& settings, std::int64_t step, std::int64_t totalSteps);

nlohmann::json toJson(const TrainSettings& settings);
// Throws std::invalid_argument naming the field that is missing or wrong.
TrainSettings trainSettingsFromJson(const nlohmann::json& json);

}  // namespace lofi
