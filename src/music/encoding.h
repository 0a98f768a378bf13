// An encoding turns music into a sequence of string tokens and tokens back
// into music. Each encoding lives in its own folder (music/classic/,
// music/timed/) with its one token codec, and everything specific to it is a
// method here: encode, decode (a reader that takes one token at a time),
// transpose. Encodings are values chosen by name, never an `if` spread
// through the code: see makeEncoding().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
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

// Decodes a token sequence as it grows, one token at a time, so that a
// generator knows where the music stands without decoding it again.
class TokenReader {
 public:
  virtual ~TokenReader() = default;
  // Reads the next token. Throws std::invalid_argument naming the token, its
  // index and what is wrong when it cannot come here; the reader then stays
  // as it was before the token.
  virtual void read(const std::string& token) = 0;
  // Throws std::invalid_argument when the tokens read cannot end here (a
  // timed pitch without its length, no `start`).
  virtual void checkEnd() const {}
  // How many of the tokens read form whole events: a timed pitch waiting for
  // its length is not yet music. score() holds exactly these.
  virtual std::size_t completeTokens() const = 0;
  // The onset of the latest note or chord read, in quarter notes from the
  // start of the music; negative before the first.
  virtual double lastOnsetQuarters() const = 0;
  // The music of the complete tokens so far.
  virtual Score score() const = 0;
};

class Encoding {
 public:
  virtual ~Encoding() = default;
  virtual std::string name() const = 0;

  // Music as plain data to tokens.
  virtual Tokens encode(const Score& score) const = 0;
  // A MIDI file to tokens: by default its Score's tokens. The classic
  // encoding reads the events themselves, as music21 does.
  virtual Tokens encodeMidi(const midi::File& file) const;

  virtual std::unique_ptr<TokenReader> reader(const DecodeOptions& options) const = 0;
  // Every token through reader(). Throws std::invalid_argument naming the
  // first token that cannot be read, or saying that the tokens stop inside an event.
  Score decode(const Tokens& tokens, const DecodeOptions& options) const;
  // The length of the longest prefix of `tokens` that decodes.
  std::size_t decodablePrefix(const Tokens& tokens) const;

  // Whether generated tokens are read after their primer: a timed
  // continuation starts mid-piece and means nothing alone; classic tokens
  // stand alone, and their track starts at its first generated token.
  virtual bool continuesPrimer() const { return false; }

  // The tokens moved by `semitones`, or nullopt when a note would leave the
  // MIDI range (or could not be spelled). Training shows the model every
  // piece in all twelve keys with it. Throws std::invalid_argument naming a
  // token it cannot read.
  virtual std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const = 0;
};

// Throws std::invalid_argument listing the known names if `name` is unknown.
std::unique_ptr<Encoding> makeEncoding(const std::string& name);
std::vector<std::string> encodingNames();

}  // namespace lofi
