// The model behind the API: loaded once (the embedded default, or --model),
// its encoding, and the batcher that writes tracks for many listeners at once.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "music/encoding.h"
#include "server/generated_track.h"
#include "server/generation_batcher.h"

namespace lofi::server {

class GenerationService {
 public:
  // `modelPath` empty: the default model. Throws ModelFileError (a clear
  // message) when the model cannot be loaded.
  GenerationService(const std::string& modelPath, BatcherOptions batching);

  // Throws ApiError 503 when busy. Chords and key steer the music as far as
  // the model's encoding allows (GeneratedTrack::steering says how far).
  GeneratedTrack generate(const GenerateSettings& settings);

  // For GET /api/info: the model, its encoding and vocabulary, and the batching so far.
  nlohmann::json info() const;
  const Model& model() const { return *model_; }

 private:
  ComposeOptions composeOptions(const GenerateSettings& settings, std::string& steering) const;

  std::string source_;
  std::unique_ptr<Model> model_;
  std::unique_ptr<Encoding> encoding_;
  std::unique_ptr<GenerationBatcher> batcher_;
};

}  // namespace lofi::server
