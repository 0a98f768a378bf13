// The model behind the API: loaded once (the embedded default, or --model),
// its encoding, the soloist over them, and the batcher that writes tracks
// for many listeners at once.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "model/soloist.h"
#include "music/encoding.h"
#include "server/generation_batcher.h"

namespace lofi::server {

class GenerationService {
 public:
  // `modelPath` empty: the default model. Throws ModelFileError (a clear
  // message) when the model cannot be loaded.
  GenerationService(const std::string& modelPath, BatcherOptions batching);

  // Throws ApiError 503 when busy. Chords and key steer the music as far as
  // the model's encoding allows (Solo::steering says how far).
  Solo generate(const GenerationSettings& settings);

  // For GET /api/info: the model, its encoding and vocabulary, and the batching so far.
  nlohmann::json info() const;
  const Model& model() const { return *model_; }

 private:
  std::string source_;
  std::unique_ptr<Model> model_;
  std::unique_ptr<Encoding> encoding_;
  std::unique_ptr<Soloist> soloist_;
  std::unique_ptr<GenerationBatcher> batcher_;
};

}  // namespace lofi::server
