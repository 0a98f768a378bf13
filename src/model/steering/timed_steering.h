// Constraints for the timed encoding. The grammar constraint keeps generated
// tokens a valid piece (start, bars, rising positions, a length after every
// pitch...), so that whatever the model writes decodes; the chord constraint
// forces `pos_0 chord_X` at the start of every generated bar, X the bar's chord
// of the progression, keeps every other chord token out, and keeps notes on
// beats 1 and 3 to the chord's tones: the other notes follow. Each keeps
// where the piece stands as tokens are accepted (TimedPosition).
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "model/sampler.h"
#include "model/vocabulary.h"
#include "music/theory/chord_progression.h"
#include "music/timed/timed_tokens.h"

namespace lofi {

// What each vocabulary token is (nullopt: a special token or not a timed one).
using TimedKinds = std::vector<std::optional<timed::TimedToken>>;
TimedKinds classifyTimedTokens(const Vocabulary& vocabulary);

// Where a piece stands after some tokens, updated one token at a time.
struct TimedPosition {
  bool started = false;
  bool pendingPitch = false;
  int bars = 0;
  int barUnits = 48;
  std::optional<int> position;  // in the current bar
  bool chordHere = false;
  std::optional<timed::TimedToken::Kind> lastKind;

  void accept(const std::optional<timed::TimedToken>& token);
};

class TimedGrammarConstraint : public TokenConstraint {
 public:
  // The player counts bars of 4/4 and sets the tempo itself: by default the
  // generated music keeps to 4/4 (meter_4/4 only) and writes no tempo token.
  explicit TimedGrammarConstraint(const Vocabulary& vocabulary, bool fourFourWithoutTempo = true);
  void restrict(std::span<char> allowed) const override;
  void accept(int token) override;

 private:
  TimedKinds kinds_;
  std::vector<char> special_;  // left to NoSpecialTokens
  int fourFour_ = -1;  // the index of meter_4/4, when only it may be written
  bool tempoAllowed_ = true;
  TimedPosition state_;
};

// The known chord token nearest `chord`: same root, most pitch classes shared
// (Jaccard); nothing when no chord token has that root.
std::optional<int> nearestChordToken(const Vocabulary& vocabulary, const theory::ChordSymbol& chord);

class TimedChordConstraint : public TokenConstraint {
 public:
  // A chord without a token of its own is steered by the known chord on the
  // same root sharing the most pitch classes (G13 by G9, say). Throws
  // std::invalid_argument naming a chord with no known chord on its root.
  TimedChordConstraint(const Vocabulary& vocabulary, const theory::ChordProgression& progression);
  void prime(std::span<const int>) override {}  // bars are counted from the first generated one
  void restrict(std::span<char> allowed) const override;
  void accept(int token) override;

 private:
  TimedKinds kinds_;
  std::vector<int> chordTokens_;  // the token of each chord of the progression
  std::vector<std::array<char, 12>> chordTones_;  // its pitch classes (as typed, not as the token nearest it)
  TimedPosition state_;
};

// Keeps pitch tokens to the given pitch classes.
class TimedPitchClassConstraint : public TokenConstraint {
 public:
  TimedPitchClassConstraint(const Vocabulary& vocabulary, const std::vector<int>& pitchClasses);
  void restrict(std::span<char> allowed) const override;
  void accept(int) override {}

 private:
  std::vector<char> allowed_;
};

}  // namespace lofi
