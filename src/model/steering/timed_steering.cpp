#include "model/steering/timed_steering.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "music/theory/chord_symbol.h"

namespace lofi {

using Kind = timed::TimedToken::Kind;

TimedKinds classifyTimedTokens(const Vocabulary& vocabulary) {
  TimedKinds kinds(vocabulary.size());
  for (std::size_t index = vocabulary.specialCount(); index < vocabulary.size(); ++index)
    kinds[index] = timed::tryParseToken(vocabulary.tokens()[index]);
  return kinds;
}

void TimedPosition::accept(const std::optional<timed::TimedToken>& token) {
  if (!token) return;
  switch (token->kind) {
    case Kind::Start: started = true; break;
    case Kind::Bar:
      ++bars;
      position.reset();
      chordHere = false;
      break;
    case Kind::Meter: barUnits = token->value; break;
    case Kind::Position:
      position = token->value;
      chordHere = false;
      break;
    case Kind::Chord: chordHere = true; break;
    case Kind::Pitch: pendingPitch = true; break;
    case Kind::Duration: pendingPitch = false; break;
    default: break;
  }
  lastKind = token->kind;
}

namespace {

const std::optional<timed::TimedToken>& kindOf(const TimedKinds& kinds, int token) {
  static const std::optional<timed::TimedToken> none;
  return token >= 0 && static_cast<std::size_t>(token) < kinds.size() ? kinds[token] : none;
}

}  // namespace

TimedGrammarConstraint::TimedGrammarConstraint(const Vocabulary& vocabulary, bool fourFourWithoutTempo)
    : kinds_(classifyTimedTokens(vocabulary)), special_(vocabulary.size(), 0), tempoAllowed_(!fourFourWithoutTempo) {
  for (std::size_t index = 0; index < vocabulary.specialCount(); ++index) special_[index] = 1;
  if (fourFourWithoutTempo) fourFour_ = vocabulary.find(timed::meterToken(timed::Meter{4, 4})).value_or(-2);
}

void TimedGrammarConstraint::accept(int token) { state_.accept(kindOf(kinds_, token)); }

void TimedGrammarConstraint::restrict(std::span<char> allowed) const {
  const TimedPosition& state = state_;
  for (std::size_t index = 0; index < allowed.size() && index < kinds_.size(); ++index) {
    if (special_[index]) continue;  // left to NoSpecialTokens
    const std::optional<timed::TimedToken>& token = kinds_[index];
    bool ok = false;
    if (!token) {
      ok = false;  // not a timed token: never written
    } else if (!state.started) {
      ok = token->kind == Kind::Start;
    } else if (state.pendingPitch) {
      ok = token->kind == Kind::Duration;
    } else if (state.bars == 0) {
      ok = token->kind == Kind::Bar;
    } else {
      switch (token->kind) {
        case Kind::Bar: ok = true; break;
        case Kind::Meter:
          ok = !state.position && (fourFour_ == -1 || static_cast<int>(index) == fourFour_);
          break;
        case Kind::Tempo: ok = !state.position && tempoAllowed_; break;
        case Kind::Position: ok = token->value < state.barUnits && (!state.position || token->value > *state.position); break;
        case Kind::Chord: ok = state.position && !state.chordHere; break;
        case Kind::Pitch: ok = state.position.has_value(); break;
        default: ok = false;  // `end` too: how long a track is, the track writer decides
      }
    }
    if (!ok) allowed[index] = 0;
  }
}

std::optional<int> nearestChordToken(const Vocabulary& vocabulary, const theory::ChordSymbol& chord) {
  const std::vector<int> wanted = theory::pitchClasses(chord);
  const int root = theory::pitchClass(chord.root);
  std::optional<int> best;
  double bestScore = 0;
  for (std::size_t index = 0; index < vocabulary.size(); ++index) {
    const auto token = timed::tryParseToken(vocabulary.token(static_cast<int>(index)));
    if (!token || token->kind != Kind::Chord) continue;
    theory::ChordSymbol known;
    try {
      known = theory::parseChordSymbol(token->chord);
    } catch (const std::invalid_argument&) {
      continue;
    }
    if (theory::pitchClass(known.root) != root) continue;
    const std::vector<int> tones = theory::pitchClasses(known);
    std::vector<int> shared;
    std::set_intersection(wanted.begin(), wanted.end(), tones.begin(), tones.end(), std::back_inserter(shared));
    const double jaccard = static_cast<double>(shared.size()) / static_cast<double>(wanted.size() + tones.size() - shared.size());
    if (jaccard > bestScore) {
      bestScore = jaccard;
      best = static_cast<int>(index);
    }
  }
  return best;
}

TimedChordConstraint::TimedChordConstraint(const Vocabulary& vocabulary, const theory::ChordProgression& progression)
    : kinds_(classifyTimedTokens(vocabulary)) {
  for (const theory::ChordSymbol& chord : progression.chords) {
    const std::string token = timed::chordToken(chord);
    auto index = vocabulary.find(token);
    if (!index) index = nearestChordToken(vocabulary, chord);
    if (!index)
      throw std::invalid_argument("the model has no token for the chord " + theory::toString(chord) + " (" + token +
                                  ") nor any chord on its root");
    chordTokens_.push_back(*index);
    std::array<char, 12> tones{};
    for (int pitchClass : theory::pitchClasses(chord)) tones[((pitchClass % 12) + 12) % 12] = 1;
    chordTones_.push_back(tones);
  }
}

void TimedChordConstraint::accept(int token) { state_.accept(kindOf(kinds_, token)); }

void TimedChordConstraint::restrict(std::span<char> allowed) const {
  const TimedPosition& state = state_;
  std::optional<int> forcedChord;
  bool forcePositionZero = false;
  const std::array<char, 12>* strongBeatTones = nullptr;
  if (state.bars > 0 && !state.pendingPitch) {
    const std::size_t bar = static_cast<std::size_t>(state.bars - 1) % chordTokens_.size();
    const int chord = chordTokens_[bar];
    // Beats 1 and 3 (the strong beats `lofi stats` counts) sound the bar's chord tones.
    if (state.position && (*state.position == 0 || *state.position * 2 == state.barUnits)) strongBeatTones = &chordTones_[bar];
    if (!state.position) forcePositionZero = true;
    else if (*state.position == 0 && !state.chordHere && state.lastKind == Kind::Position) forcedChord = chord;
  }
  for (std::size_t index = 0; index < allowed.size() && index < kinds_.size(); ++index) {
    const std::optional<timed::TimedToken>& token = kinds_[index];
    if (forcedChord) {
      if (static_cast<int>(index) != *forcedChord) allowed[index] = 0;
    } else if (!token) {
      continue;
    } else if (token->kind == Kind::Chord) {
      allowed[index] = 0;  // harmony changes only where the progression says
    } else if (forcePositionZero && (token->kind == Kind::Bar || (token->kind == Kind::Position && token->value != 0))) {
      allowed[index] = 0;  // every bar starts on its downbeat, with its chord
    } else if (strongBeatTones && token->kind == Kind::Pitch && !(*strongBeatTones)[token->value % 12]) {
      allowed[index] = 0;
    }
  }
}

TimedPitchClassConstraint::TimedPitchClassConstraint(const Vocabulary& vocabulary, const std::vector<int>& pitchClasses) {
  std::vector<char> welcome(12, 0);
  for (int pitchClass : pitchClasses) welcome[((pitchClass % 12) + 12) % 12] = 1;
  const TimedKinds kinds = classifyTimedTokens(vocabulary);
  allowed_.assign(kinds.size(), 1);
  for (std::size_t index = 0; index < kinds.size(); ++index)
    if (kinds[index] && kinds[index]->kind == Kind::Pitch && !welcome[kinds[index]->value % 12]) allowed_[index] = 0;
}

void TimedPitchClassConstraint::restrict(std::span<char> allowed) const {
  for (std::size_t i = 0; i < allowed.size() && i < allowed_.size(); ++i) allowed[i] = static_cast<char>(allowed[i] && allowed_[i]);
}

}  // namespace lofi
