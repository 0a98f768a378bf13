// Steering the classic encoding: while a chord sounds, a note may only be a
// tone of that chord or of the key's scale, and a chord token only made of
// such tones; on beats 1 and 3, chord tones alone; rests are always allowed.
// Classic tokens carry no time of their own: the constraint keeps the same
// clock as the decoder (classic::Clock, same options, same seed), token by
// token, so it knows where the next token will sound.
#pragma once

#include <optional>
#include <vector>

#include "model/sampler.h"
#include "model/vocabulary.h"
#include "music/classic/classic_encoding.h"
#include "music/theory/chord_progression.h"

namespace lofi {

class ChordScaleConstraint : public TokenConstraint {
 public:
  // Chords of the progression one after another, each for its length, round again.
  ChordScaleConstraint(const Vocabulary& vocabulary, const theory::ChordProgression& progression,
                       const std::vector<int>& scale, const DecodeOptions& decode);
  // The key's scale alone, the whole time.
  ChordScaleConstraint(const Vocabulary& vocabulary, const std::vector<int>& scale);

  void prime(std::span<const int>) override {}  // the track's time starts after its primer
  void restrict(std::span<char> allowed) const override;
  void accept(int token) override;

  // Which chord of the progression sounds at `quarters`.
  std::size_t chordAt(double quarters) const;
  double nowQuarters() const { return clock_.nowQuarters(); }

 private:
  std::vector<std::optional<classic::ClassicToken::Kind>> kinds_;  // of each vocabulary token
  std::vector<std::vector<char>> allowedPerChord_;     // chord and scale tones
  std::vector<std::vector<char>> chordTonesPerChord_;  // chord tones alone, for strong beats
  double quartersPerChord_ = 4;
  classic::Clock clock_;
};

}  // namespace lofi
