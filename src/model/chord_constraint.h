// Steering the classic encoding with chords: while a chord sounds, a note may
// only be a tone of that chord or of the key's scale, and a chord token only
// made of such tones; rests are always allowed. Which chord sounds when comes
// from a TokenClock: the classic tokens carry no time of their own.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "model/sampler.h"
#include "music/encoding.h"

namespace lofi {

struct ChordProgression {
  std::vector<std::string> symbols;             // as canonical symbols, e.g. "Dm9"
  std::vector<std::vector<int>> pitchClasses;   // of each chord
  double quartersPerChord = 4;                  // one bar of 4/4 each, then round again
};

// "Dm9 G13 Cmaj9 A7b9": chord symbols separated by spaces (or |). Throws
// std::invalid_argument naming the symbol that cannot be read.
ChordProgression parseProgression(const std::string& text);

// The pitch classes of a key such as "D minor", "F# dorian" or "Am"; an empty
// `key` takes the first chord's root, minor for a minor chord, else major.
// Throws std::invalid_argument naming the key.
std::vector<int> keyPitchClasses(const std::string& key, const std::string& firstChord);

// Where in the music (in quarter notes) the next token will start, given the
// tokens generated so far.
class TokenClock {
 public:
  virtual ~TokenClock() = default;
  virtual double quartersBefore(std::span<const int> generated) const = 0;
};

// Decodes what was generated, plus a probe note, with the very options the
// track is decoded with: the probe's onset is where the next token lands.
class DecodingClock : public TokenClock {
 public:
  DecodingClock(const Encoding& encoding, const Vocabulary& vocabulary, DecodeOptions options, std::string probe);
  double quartersBefore(std::span<const int> generated) const override;

 private:
  const Encoding& encoding_;
  const Vocabulary& vocabulary_;
  DecodeOptions options_;
  std::string probe_;
};

class ChordScaleConstraint : public TokenConstraint {
 public:
  // Tokens are read as classic tokens; special tokens are left to other constraints.
  ChordScaleConstraint(const Vocabulary& vocabulary, const ChordProgression& progression,
                       const std::vector<int>& scale, std::shared_ptr<const TokenClock> clock);
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override;
  // Which chord of the progression sounds at `quarters`.
  std::size_t chordAt(double quarters) const;

 private:
  std::vector<std::vector<char>> allowedPerChord_;     // chord and scale tones
  std::vector<std::vector<char>> chordTonesPerChord_;  // chord tones alone, for strong beats
  double quartersPerChord_;
  std::shared_ptr<const TokenClock> clock_;
};

struct ChordSpan {
  std::string symbol;
  double startQuarters = 0;
  double quarters = 0;
};
// The progression laid out, round after round, over `quarters` of music.
std::vector<ChordSpan> chordTimeline(const ChordProgression& progression, double quarters);

}  // namespace lofi
