// The generate request ({bars, temperature, topP, seed, chords?, mood?, key?,
// bpm?, instrument?}, as JSON or as a query string) turned into settings: a
// mood sentence fills in what the request leaves out (chords, key, tempo,
// instrument, register); chords, key and instrument are read here so that a
// bad one is a 400 naming the field before any generation starts.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/mood.h"
#include "server/request_validation.h"

namespace lofi::server {

inline constexpr int kMaxGenerateBars = 64;

struct GenerateSettings {
  int bars = 8;
  float temperature = 0.9f;
  float topP = 0.95f;
  std::uint64_t seed = 0;
  std::string chords;      // canonical symbols separated by spaces, "" for none
  std::string key;         // canonical ("D minor"), "" for none
  double bpm = 80;
  std::string instrument;  // as asked (or the mood's), "" for the piano
  int program = 0;         // its General MIDI program
  int chordLowest = 48;    // the register the chords are voiced in
  int chordHighest = 76;
  std::optional<MoodMusic> mood;  // when a mood sentence was given
};

const Schema& generateRequestSchema();

// From a body that passed generateRequestSchema(). Throws ApiError 400 naming
// the field for an unreadable chord symbol, key or instrument.
GenerateSettings generateSettings(const nlohmann::json& body);

}  // namespace lofi::server
