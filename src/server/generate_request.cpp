#include "server/generate_request.h"

#include "server/api_error.h"

namespace lofi::server {

const Schema& generateRequestSchema() {
  static const Schema schema{
      "generate request",
      {{.name = "bars", .type = FieldType::Integer, .min = 1, .max = kMaxGenerateBars},
       {.name = "temperature", .type = FieldType::Number, .min = 0.05, .max = 2},
       {.name = "topP", .type = FieldType::Number, .min = 0.05, .max = 1},
       {.name = "seed", .type = FieldType::Integer, .min = 0, .max = 2147483647},
       {.name = "chords", .type = FieldType::String, .maxLength = 500},
       {.name = "mood", .type = FieldType::String, .maxLength = 500},
       {.name = "key", .type = FieldType::String, .minLength = 1, .maxLength = 40},
       {.name = "bpm", .type = FieldType::Number, .min = 40, .max = 200},
       {.name = "instrument", .type = FieldType::String, .minLength = 1, .maxLength = 60}}};
  return schema;
}

GenerationSettings generateSettings(const nlohmann::json& body) {
  GenerationRequest request;
  const auto text = [&](const char* name) { return body.contains(name) ? body[name].get<std::string>() : std::string(); };
  if (body.contains("bars")) request.bars = body["bars"].get<int>();
  if (body.contains("temperature")) request.temperature = body["temperature"].get<float>();
  if (body.contains("topP")) request.topP = body["topP"].get<float>();
  if (body.contains("seed")) request.seed = body["seed"].get<std::uint64_t>();
  if (body.contains("bpm")) request.bpm = body["bpm"].get<double>();
  request.chords = text("chords");
  request.mood = text("mood");
  request.key = text("key");
  request.instrument = text("instrument");
  try {
    return resolve(request);
  } catch (const RequestError& error) {
    throw ApiError(400, error.what(), error.field());
  }
}

}  // namespace lofi::server
