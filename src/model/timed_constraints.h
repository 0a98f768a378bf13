// Constraints for the timed encoding. The grammar constraint keeps generated
// tokens a valid piece (start, bars, rising positions, a length after every
// pitch...), so that whatever the model writes decodes; the chord constraint
// forces `pos_0 chord_X` at the start of every generated bar, X the bar's chord
// of the progression, keeps every other chord token out, and keeps notes on
// beats 1 and 3 to the chord's tones: the other notes follow.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "model/chord_constraint.h"
#include "model/sampler.h"
#include "model/vocabulary.h"
#include "music/theory/chord_symbol.h"

namespace lofi {

// What a timed token is, read once per vocabulary entry.
struct TimedTokenKind {
  enum Kind { Other, Start, End, Bar, Meter, Tempo, Position, Chord, Pitch, Duration };
  Kind kind = Other;
  int value = 0;  // Position: units into the bar; Meter: units per bar; Pitch: MIDI number
};
std::vector<TimedTokenKind> classifyTimedTokens(const Vocabulary& vocabulary);

class TimedGrammarConstraint : public TokenConstraint {
 public:
  // The player counts bars of 4/4 and sets the tempo itself: by default the
  // generated music keeps to 4/4 (meter_4/4 only) and writes no tempo token.
  explicit TimedGrammarConstraint(const Vocabulary& vocabulary, bool fourFourWithoutTempo = true);
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override;

 private:
  std::vector<TimedTokenKind> kinds_;
  int fourFour_ = -1;  // the index of meter_4/4, when only it may be written
  bool tempoAllowed_ = true;
};

// The known chord token nearest `chord`: same root, most pitch classes shared
// (Jaccard); nothing when no chord token has that root.
std::optional<int> nearestChordToken(const Vocabulary& vocabulary, const theory::ChordSymbol& chord);

class TimedChordConstraint : public TokenConstraint {
 public:
  // A chord without a token of its own is steered by the known chord on the
  // same root sharing the most pitch classes (G13 by G9, say). Throws
  // std::invalid_argument naming a chord with no known chord on its root.
  TimedChordConstraint(const Vocabulary& vocabulary, const ChordProgression& progression);
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override;

 private:
  std::vector<TimedTokenKind> kinds_;
  std::vector<int> chordTokens_;  // the token of each chord of the progression
  std::vector<std::array<char, 12>> chordTones_;  // its pitch classes (as typed, not as the token nearest it)
};

// Keeps pitch tokens to the given pitch classes.
class TimedPitchClassConstraint : public TokenConstraint {
 public:
  TimedPitchClassConstraint(const Vocabulary& vocabulary, const std::vector<int>& pitchClasses);
  void restrict(const SamplingContext& context, std::vector<char>& allowed) const override;

 private:
  std::vector<char> allowed_;
};

}  // namespace lofi
