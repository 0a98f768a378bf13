#include "model/generation_request.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "music/instrument.h"
#include "music/theory/chord_progression.h"
#include "music/theory/scale.h"

namespace lofi {
namespace {

bool blank(const std::string& value) { return value.find_first_not_of(" \t\r\n|") == std::string::npos; }

std::string canonicalChords(const std::string& text) {
  try {
    return theory::toString(theory::parseChordProgression(text));
  } catch (const std::invalid_argument& error) {
    throw RequestError("chords", error.what());
  }
}

std::string canonicalKey(const std::string& text) {
  try {
    return theory::toString(theory::parseScale(text));
  } catch (const std::invalid_argument& error) {
    throw RequestError("key", std::string(error.what()) + " (e.g. \"D minor\", \"F major\", \"A dorian\")");
  }
}

int programFor(const std::string& instrument) {
  // The page names its sampled instruments with hyphens: "electric-piano".
  std::string words = instrument;
  std::replace(words.begin(), words.end(), '-', ' ');
  try {
    return parseInstrument(words);
  } catch (const std::invalid_argument& error) {
    throw RequestError("instrument", error.what());
  }
}

}  // namespace

GenerationSettings resolve(const GenerationRequest& request) {
  GenerationSettings settings;
  if (request.tokens < 0) throw RequestError("tokens", "must be positive");
  if (request.tokens == 0 && request.bars < 1) throw RequestError("bars", "must be at least 1");
  settings.bars = request.tokens > 0 ? 0 : request.bars;
  settings.tokens = request.tokens;
  if (!(request.topP > 0) || request.topP > 1) throw RequestError("topP", "must be in (0, 1]");
  if (request.topK < 0) throw RequestError("topK", "must not be negative");
  settings.sampling.topP = request.topP;
  settings.sampling.topK = request.topK;
  settings.sampling.temperature = kDefaultTemperature;
  settings.seed = request.seed ? *request.seed : std::random_device{}() & 0x7FFFFFFF;

  // A mood sentence proposes; what the request says itself wins.
  if (!blank(request.mood)) {
    settings.mood = mood::moodFromText(request.mood);
    settings.chords = settings.mood->progression;
    settings.key = settings.mood->key;
    settings.bpm = settings.mood->bpm;
    settings.instrument = settings.mood->instrument;
    settings.sampling.temperature = static_cast<float>(settings.mood->temperature);
    settings.chordLowest = settings.mood->chordLowest;
    settings.chordHighest = settings.mood->chordHighest;
  }
  if (!blank(request.chords)) {
    settings.chords = request.chords;
    if (request.key.empty()) settings.key.clear();  // the mood's key would not fit chords of its own
  }
  if (!request.key.empty()) settings.key = request.key;
  if (request.bpm) settings.bpm = *request.bpm;
  if (!request.instrument.empty()) settings.instrument = request.instrument;
  if (request.temperature) settings.sampling.temperature = *request.temperature;
  if (!(settings.sampling.temperature >= 0) || !std::isfinite(settings.sampling.temperature))
    throw RequestError("temperature", "must be zero or positive");
  if (!(settings.bpm > 0) || !std::isfinite(settings.bpm)) throw RequestError("bpm", "must be positive");

  if (!settings.chords.empty()) settings.chords = canonicalChords(settings.chords);
  if (!settings.key.empty()) settings.key = canonicalKey(settings.key);
  settings.program = settings.instrument.empty() ? 0 : programFor(settings.instrument);
  return settings;
}

}  // namespace lofi
