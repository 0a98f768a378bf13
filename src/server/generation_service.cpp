#include "server/generation_service.h"

#include <stdexcept>

#include "model/default_model.h"
#include "model/network_config.h"
#include "server/api_error.h"

namespace lofi::server {

GenerationService::GenerationService(const std::string& modelPath, BatcherOptions batching)
    : source_(modelPath.empty() ? defaultModelSource() : modelPath),
      model_(std::make_unique<Model>(modelPath.empty() ? loadDefaultModel() : Model::load(modelPath))),
      encoding_(makeEncoding(model_->encoding())),
      soloist_(std::make_unique<Soloist>(*model_, *encoding_)),
      batcher_(std::make_unique<GenerationBatcher>(*model_, *encoding_, batching)) {}

Solo GenerationService::generate(const GenerationSettings& settings) {
  std::string steering;
  const TrackOptions options = soloist_->trackOptions(settings, steering);
  return soloist_->solo(settings, batcher_->compose(options), steering);
}

nlohmann::json GenerationService::info() const {
  const Vocabulary& vocabulary = model_->vocabulary();
  const GenerationBatcher::Stats stats = batcher_->stats();
  return {{"model",
           {{"source", source_},
            {"preset", model_->config().preset},
            {"encoding", model_->encoding()},
            {"parameters", parameterCount(model_->config(), static_cast<std::int64_t>(vocabulary.size()))},
            {"network", toJson(model_->config())},
            {"generation", defaultMethod(*model_) == GenerationMethod::CarriedState ? "carried state" : "sliding window"},
            {"trainingPieces", model_->file().trainPieces.size()}}},
          {"encoding", model_->encoding()},
          {"vocabulary", {{"size", vocabulary.size()}, {"special", vocabulary.specialCount()}}},
          {"batching", {{"batches", stats.batches}, {"tracks", stats.tracks}, {"largestBatch", stats.largestBatch}}}};
}

}  // namespace lofi::server
