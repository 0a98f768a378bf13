// An encoding turns a MIDI file into a sequence of string tokens and a token
// sequence back into a Score. Encodings are values chosen by name, never an
// `if` spread through the code: see makeEncoding().
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "music/midi_file.h"
#include "music/score.h"

namespace lofi {

using Tokens = std::vector<std::string>;

// How tokens become sound again. Encodings that store timing ignore the
// duration distribution; those that do not (classic) draw from it.
struct DecodeOptions {
  std::uint64_t seed = 0;  // same seed, same durations
  double bpm = 80.0;
  int program = 0;       // General MIDI instrument, 0 = acoustic grand piano
  int chordOctave = 4;   // octave of the lowest chord tone for pitch-class chords
  int velocity = 80;
  // Weights of note lengths in quarter notes (the seed's: eighth .65,
  // sixteenth .25, quarter .05, half .05), and the length of a rest.
  std::vector<std::pair<double, double>> durationWeights = {{0.5, 0.65}, {0.25, 0.25}, {1.0, 0.05}, {2.0, 0.05}};
  double restQuarters = 0.25;
};

class Encoding {
 public:
  virtual ~Encoding() = default;
  virtual std::string name() const = 0;
  virtual Tokens encode(const midi::File& file) const = 0;
  // Throws std::invalid_argument naming the token and its index if a token is unknown.
  virtual Score decode(const Tokens& tokens, const DecodeOptions& options) const = 0;
};

// Throws std::invalid_argument listing the known names if `name` is unknown.
std::unique_ptr<Encoding> makeEncoding(const std::string& name);
std::vector<std::string> encodingNames();

}  // namespace lofi
