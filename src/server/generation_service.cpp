#include "server/generation_service.h"

#include <stdexcept>

#include "model/steering.h"
#include "model/default_model.h"
#include "model/network_config.h"
#include "server/api_error.h"

namespace lofi::server {

GenerationService::GenerationService(const std::string& modelPath, BatcherOptions batching)
    : source_(modelPath.empty() ? defaultModelSource() : modelPath),
      model_(std::make_unique<Model>(modelPath.empty() ? loadDefaultModel() : Model::load(modelPath))),
      encoding_(makeEncoding(model_->encoding())),
      batcher_(std::make_unique<GenerationBatcher>(*model_, *encoding_, batching)) {}

ComposeOptions GenerationService::composeOptions(const GenerateSettings& settings, std::string& steering) const {
  ComposeOptions options;
  options.bars = settings.bars;
  options.seed = settings.seed;
  options.sampling.temperature = settings.temperature;
  options.sampling.topP = settings.topP;
  options.sampling.topK = 0;
  options.method = defaultMethod(*model_);
  options.decode.bpm = settings.bpm;
  options.decode.program = settings.program;
  options.decode.seed = settings.seed;
  // The seed's network needs a window of real music to start from; ours starts from nothing.
  if (options.method == GenerationMethod::SlidingWindow) options.primer = randomPrimer(*model_, settings.seed);
  // Chords steer when the encoding allows it, else the key does; an encoding
  // that allows neither plays freely under the chords the answer lists, and
  // the answer says so ("steering"). Trying the constraints here finds the
  // first that holds; composeTracks builds them again for the batch.
  const auto steers = [&](const Steering& wanted) {
    try {
      steeringConstraints(model_->vocabulary(), *encoding_, wanted, options.decode);
      return true;
    } catch (const std::invalid_argument&) {
      return false;
    }
  };
  steering = "none";
  if (!settings.chords.empty() && steers({settings.chords, settings.key})) {
    options.steering = {settings.chords, settings.key};
    steering = "chords";
  } else if (!settings.key.empty() && steers({"", settings.key})) {
    options.steering = {"", settings.key};
    steering = "key";
  }
  return options;
}

GeneratedTrack GenerationService::generate(const GenerateSettings& settings) {
  GeneratedTrack generated;
  generated.settings = settings;
  generated.track = batcher_->compose(composeOptions(settings, generated.steering));
  // The chords asked for; or, from a model trained on some parts only (a
  // melody), the chords it wrote, voiced so that the page can accompany it.
  const bool accompanied = !model_->file().training.parts.empty();
  if (!settings.chords.empty())
    generated.chords = voicedChords(chordTimeline(parseProgression(settings.chords), settings.bars * kQuartersPerBar), settings);
  else if (accompanied)
    generated.chords = voicedChords(generated.track.chords, settings);
  return generated;
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
