// The seed's "classic" encoding: one token per note ("C4", "B-3"), chord
// (normal-order pitch classes, "0.4.7") or rest ("r") of the first instrument
// part that music21 8.1 makes of a MIDI file. Tokens carry no timing; decoding
// draws durations at random, as the seed's generator did.
#pragma once

#include <cstdint>

#include "common/seeded_random.h"
#include "music/classic/classic_tokens.h"
#include "music/encoding.h"

namespace lofi {

class ClassicEncoding : public Encoding {
 public:
  std::string name() const override { return "classic"; }
  // Through the MIDI events music21 would read from the score.
  Tokens encode(const Score& score) const override;
  Tokens encodeMidi(const midi::File& file) const override;
  std::unique_ptr<TokenReader> reader(const DecodeOptions& options) const override;
  // Notes move and are respelled as music21 spells MIDI pitches; chords move
  // and stay in normal order; rests stay.
  std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const override;
};

namespace classic {

inline constexpr int kTicksPerQuarter = 480;

// Where classic tokens fall in time: a rest lasts options.restQuarters, a
// note or chord a length drawn from options.durationWeights by a generator
// seeded with options.seed. The decoder and the chord steering keep time
// with it alike, so steering knows where each token will sound.
class Clock {
 public:
  // Throws std::invalid_argument for weights that cannot be drawn from.
  explicit Clock(const DecodeOptions& options);
  // Passes one token of this kind; returns its length in ticks.
  std::int64_t advance(ClassicToken::Kind kind);
  std::int64_t nowTicks() const { return now_; }
  double nowQuarters() const { return static_cast<double>(now_) / kTicksPerQuarter; }

 private:
  std::vector<std::pair<std::int64_t, double>> lengths_;  // ticks, weight (positive only)
  double totalWeight_ = 0;
  std::int64_t restTicks_ = 0;
  SeededRandom random_;
  std::int64_t now_ = 0;
};

}  // namespace classic
}  // namespace lofi
