#include "server/generate_request.h"

#include <algorithm>
#include <stdexcept>

#include "audio/instrument.h"
#include "model/chord_constraint.h"
#include "music/theory/scale.h"
#include "music/theory/symbol_error.h"
#include "server/api_error.h"

namespace lofi::server {
namespace {

std::string canonicalChords(const std::string& text) {
  try {
    const ChordProgression progression = parseProgression(text);
    std::string joined;
    for (const std::string& symbol : progression.symbols) joined += (joined.empty() ? "" : " ") + symbol;
    return joined;
  } catch (const std::invalid_argument& error) {
    throw ApiError(400, std::string("field 'chords': ") + error.what(), "chords");
  }
}

std::string canonicalKey(const std::string& text) {
  try {
    return theory::toString(theory::parseScale(text));
  } catch (const std::invalid_argument& error) {
    throw ApiError(400, std::string("field 'key': ") + error.what() + " (e.g. \"D minor\", \"F major\", \"A dorian\")", "key");
  }
}

int programFor(const std::string& instrument) {
  // The page names its sampled instruments with hyphens: "electric-piano".
  std::string words = instrument;
  std::replace(words.begin(), words.end(), '-', ' ');
  try {
    return parseInstrument(words);
  } catch (const std::invalid_argument& error) {
    throw ApiError(400, std::string("field 'instrument': ") + error.what(), "instrument");
  }
}

}  // namespace

const Schema& generateRequestSchema() {
  static const Schema schema{
      "generate request",
      {{.name = "bars", .type = FieldType::Integer, .required = true, .min = 1, .max = kMaxGenerateBars},
       {.name = "temperature", .type = FieldType::Number, .required = true, .min = 0.05, .max = 2},
       {.name = "topP", .type = FieldType::Number, .required = true, .min = 0.05, .max = 1},
       {.name = "seed", .type = FieldType::Integer, .required = true, .min = 0, .max = 2147483647},
       {.name = "chords", .type = FieldType::String, .maxLength = 500},
       {.name = "mood", .type = FieldType::String, .maxLength = 500},
       {.name = "key", .type = FieldType::String, .minLength = 1, .maxLength = 40},
       {.name = "bpm", .type = FieldType::Number, .min = 40, .max = 200},
       {.name = "instrument", .type = FieldType::String, .minLength = 1, .maxLength = 60}}};
  return schema;
}

GenerateSettings generateSettings(const nlohmann::json& body) {
  GenerateSettings settings;
  settings.bars = body["bars"].get<int>();
  settings.temperature = body["temperature"].get<float>();
  settings.topP = body["topP"].get<float>();
  settings.seed = body["seed"].get<std::uint64_t>();
  const auto text = [&](const char* name) { return body.contains(name) ? body[name].get<std::string>() : std::string(); };
  const auto blank = [](const std::string& value) { return value.find_first_not_of(" \t\r\n|") == std::string::npos; };

  // A mood sentence proposes; what the request says itself wins.
  if (!blank(text("mood"))) {
    settings.mood = moodFromText(text("mood"));
    settings.chords = settings.mood->progression;
    settings.key = settings.mood->key;
    settings.bpm = settings.mood->bpm;
    settings.instrument = settings.mood->instrument;
    settings.chordLowest = settings.mood->chordLowest;
    settings.chordHighest = settings.mood->chordHighest;
  }
  if (!blank(text("chords"))) {
    settings.chords = text("chords");
    if (!body.contains("key")) settings.key.clear();  // the mood's key would not fit chords of its own
  }
  if (body.contains("key")) settings.key = text("key");
  if (body.contains("bpm")) settings.bpm = body["bpm"].get<double>();
  if (body.contains("instrument")) settings.instrument = text("instrument");

  if (!settings.chords.empty()) settings.chords = canonicalChords(settings.chords);
  if (!settings.key.empty()) settings.key = canonicalKey(settings.key);
  settings.program = settings.instrument.empty() ? 0 : programFor(settings.instrument);
  return settings;
}

}  // namespace lofi::server
