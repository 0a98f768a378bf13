// What a listener or a user asks of the AI soloist, the same from `lofi
// generate` and from POST /api/generate, with its defaults in this one place;
// and what the request means once read (GenerationSettings): a mood sentence
// fills in what the request leaves out (chords, key, tempo, instrument,
// temperature, the chords' register), chords and key are read and written
// the canonical way, the instrument named becomes its General MIDI program,
// and a missing seed is chosen (and returned, so the track can be made again).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "model/generator.h"
#include "model/sampler.h"
#include "music/encoding.h"
#include "music/mood/mood.h"

namespace lofi {

struct GenerationRequest {
  int bars = 8;                       // 4/4 bars to fill, or
  int tokens = 0;                     // exactly this many tokens, when positive (bars is then ignored)
  std::optional<float> temperature;   // default: the mood's, else kDefaultTemperature
  float topP = 0.95f;                 // 1 keeps all
  int topK = 0;                       // 0 keeps all
  std::optional<std::uint64_t> seed;  // default: one chosen at random
  std::string chords;                 // "Dm9 G13 Cmaj9 A7b9", one chord per bar; default: none (or the mood's)
  std::string key;                    // "D minor"; default: none (or the mood's)
  std::string mood;                   // a sentence: "a rainy evening, a bit sad"
  std::optional<double> bpm;          // default: the mood's, else kDefaultBpm
  std::string instrument;             // "electric piano", "electric-piano" or a program; default: the mood's, else piano
};

inline constexpr float kDefaultTemperature = 1.0f;
inline constexpr double kDefaultBpm = 80;

// A request that cannot be met: names the field and why.
class RequestError : public std::invalid_argument {
 public:
  RequestError(std::string field, const std::string& message)
      : std::invalid_argument("field '" + field + "': " + message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

struct GenerationSettings {
  int bars = 8;
  int tokens = 0;
  SamplingSettings sampling;
  std::uint64_t seed = 0;
  std::string chords;      // canonical symbols separated by spaces, "" for none
  std::string key;         // canonical ("D minor"), "" for none
  double bpm = kDefaultBpm;
  std::string instrument;  // as asked (or the mood's), "" for the piano
  int program = 0;         // its General MIDI program
  int chordLowest = 48;    // the register the chords are voiced in
  int chordHighest = 76;
  std::optional<mood::MoodMusic> mood;  // when a mood sentence was given
  // Set by the caller, not by a request: what the music continues from and
  // how it is generated (default: the model's own way).
  Tokens primer;
  std::optional<GenerationMethod> method;
};

// Throws RequestError naming the field for an unreadable chord symbol, key or
// instrument, or a value out of range.
GenerationSettings resolve(const GenerationRequest& request);

}  // namespace lofi
