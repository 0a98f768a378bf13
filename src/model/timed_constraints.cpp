#include "model/timed_constraints.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <stdexcept>

#include "music/theory/chord_symbol.h"
#include "music/timed_encoding.h"

namespace lofi {
namespace {

std::optional<int> numberAfter(const std::string& token, std::size_t prefix) {
  int value = 0;
  const auto [end, error] = std::from_chars(token.data() + prefix, token.data() + token.size(), value);
  if (prefix >= token.size() || error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

TimedTokenKind classify(const std::string& token) {
  using K = TimedTokenKind;
  if (token == timed::kStartToken) return {K::Start, 0};
  if (token == timed::kEndToken) return {K::End, 0};
  if (token == timed::kBarToken) return {K::Bar, 0};
  if (token.rfind("chord_", 0) == 0) return {K::Chord, 0};
  if (token.rfind("tempo_", 0) == 0) return {K::Tempo, 0};
  if (token.rfind("pos_", 0) == 0) {
    if (const auto units = numberAfter(token, 4)) return {K::Position, *units};
  } else if (token.rfind("pitch_", 0) == 0) {
    if (const auto pitch = numberAfter(token, 6)) return {K::Pitch, *pitch};
  } else if (token.rfind("dur_", 0) == 0) {
    if (numberAfter(token, 4)) return {K::Duration, 0};
  } else if (token.rfind("meter_", 0) == 0) {
    const std::size_t slash = token.find('/');
    int numerator = 0, denominator = 0;
    if (slash != std::string::npos) {
      std::from_chars(token.data() + 6, token.data() + slash, numerator);
      std::from_chars(token.data() + slash + 1, token.data() + token.size(), denominator);
    }
    if (numerator > 0 && denominator > 0) return {K::Meter, numerator * 48 / denominator};
  }
  return {K::Other, 0};
}

// Where a piece stands after some tokens.
struct PieceState {
  bool started = false;
  bool pendingPitch = false;
  int bars = 0;
  int barUnits = 48;
  std::optional<int> position;  // in the current bar
  bool chordHere = false;
  int lastToken = -1;
};

PieceState replay(std::span<const int> tokens, const std::vector<TimedTokenKind>& kinds) {
  PieceState state;
  for (int token : tokens) {
    if (token < 0 || static_cast<std::size_t>(token) >= kinds.size()) continue;
    const TimedTokenKind& kind = kinds[token];
    switch (kind.kind) {
      case TimedTokenKind::Start: state.started = true; break;
      case TimedTokenKind::Bar:
        ++state.bars;
        state.position.reset();
        state.chordHere = false;
        break;
      case TimedTokenKind::Meter: state.barUnits = kind.value; break;
      case TimedTokenKind::Position:
        state.position = kind.value;
        state.chordHere = false;
        break;
      case TimedTokenKind::Chord: state.chordHere = true; break;
      case TimedTokenKind::Pitch: state.pendingPitch = true; break;
      case TimedTokenKind::Duration: state.pendingPitch = false; break;
      default: break;
    }
    state.lastToken = token;
  }
  return state;
}

}  // namespace

std::vector<TimedTokenKind> classifyTimedTokens(const Vocabulary& vocabulary) {
  std::vector<TimedTokenKind> kinds;
  for (std::size_t index = 0; index < vocabulary.size(); ++index)
    kinds.push_back(vocabulary.isSpecial(static_cast<int>(index)) ? TimedTokenKind{} : classify(vocabulary.tokens()[index]));
  return kinds;
}

TimedGrammarConstraint::TimedGrammarConstraint(const Vocabulary& vocabulary, bool fourFourWithoutTempo)
    : kinds_(classifyTimedTokens(vocabulary)), tempoAllowed_(!fourFourWithoutTempo) {
  if (fourFourWithoutTempo) fourFour_ = vocabulary.find(timed::meterToken(timed::Meter{4, 4})).value_or(-2);
}

void TimedGrammarConstraint::restrict(const SamplingContext& context, std::vector<char>& allowed) const {
  const PieceState state = replay(context.history, kinds_);
  for (std::size_t index = 0; index < allowed.size() && index < kinds_.size(); ++index) {
    const TimedTokenKind& kind = kinds_[index];
    bool ok = false;
    if (!state.started) {
      ok = kind.kind == TimedTokenKind::Start;
    } else if (state.pendingPitch) {
      ok = kind.kind == TimedTokenKind::Duration;
    } else if (state.bars == 0) {
      ok = kind.kind == TimedTokenKind::Bar;
    } else {
      switch (kind.kind) {
        case TimedTokenKind::Bar: ok = true; break;
        case TimedTokenKind::Meter:
          ok = !state.position && kind.value > 0 && kind.value <= 96 && (fourFour_ == -1 || static_cast<int>(index) == fourFour_);
          break;
        case TimedTokenKind::Tempo: ok = !state.position && tempoAllowed_; break;
        case TimedTokenKind::Position:
          ok = kind.value < state.barUnits && (!state.position || kind.value > *state.position);
          break;
        case TimedTokenKind::Chord: ok = state.position && !state.chordHere; break;
        case TimedTokenKind::Pitch: ok = state.position.has_value(); break;
        default: ok = false;  // `end` too: how long a track is, the composer decides
      }
    }
    // Special tokens are left to NoSpecialTokens; other unknown tokens never come out.
    if (!ok && !(kind.kind == TimedTokenKind::Other && context.vocabulary && context.vocabulary->isSpecial(static_cast<int>(index))))
      allowed[index] = 0;
  }
}

std::optional<int> nearestChordToken(const Vocabulary& vocabulary, const theory::ChordSymbol& chord) {
  const std::vector<int> wanted = theory::pitchClasses(chord);
  const int root = theory::pitchClass(chord.root);
  std::optional<int> best;
  double bestScore = 0;
  for (std::size_t index = 0; index < vocabulary.size(); ++index) {
    const std::string& token = vocabulary.token(static_cast<int>(index));
    if (token.rfind("chord_", 0) != 0) continue;
    theory::ChordSymbol known;
    try {
      known = theory::parseChordSymbol(token.substr(6));
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

TimedChordConstraint::TimedChordConstraint(const Vocabulary& vocabulary, const ChordProgression& progression)
    : kinds_(classifyTimedTokens(vocabulary)) {
  for (const std::string& symbol : progression.symbols) {
    const theory::ChordSymbol chord = theory::parseChordSymbol(symbol);
    const std::string token = timed::chordToken(chord);
    auto index = vocabulary.find(token);
    if (!index) index = nearestChordToken(vocabulary, chord);
    if (!index)
      throw std::invalid_argument("the model has no token for the chord " + symbol + " (" + token + ") nor any chord on its root");
    chordTokens_.push_back(*index);
    std::array<char, 12> tones{};
    for (int pitchClass : theory::pitchClasses(chord)) tones[((pitchClass % 12) + 12) % 12] = 1;
    chordTones_.push_back(tones);
  }
}

void TimedChordConstraint::restrict(const SamplingContext& context, std::vector<char>& allowed) const {
  const std::size_t generated = std::min<std::size_t>(context.generated, context.history.size());
  const PieceState state = replay(context.history.last(generated), kinds_);
  std::optional<int> forcedChord;
  bool forcePositionZero = false;
  const std::array<char, 12>* strongBeatTones = nullptr;
  if (state.bars > 0 && !state.pendingPitch) {
    const std::size_t bar = static_cast<std::size_t>(state.bars - 1) % chordTokens_.size();
    const int chord = chordTokens_[bar];
    // Beats 1 and 3 (the strong beats `lofi stats` counts) sound the bar's chord tones.
    if (state.position && (*state.position == 0 || *state.position * 2 == state.barUnits)) strongBeatTones = &chordTones_[bar];
    if (!state.position) forcePositionZero = true;
    else if (*state.position == 0 && !state.chordHere && kinds_[state.lastToken].kind == TimedTokenKind::Position)
      forcedChord = chord;
  }
  for (std::size_t index = 0; index < allowed.size() && index < kinds_.size(); ++index) {
    const TimedTokenKind& kind = kinds_[index];
    if (forcedChord) {
      if (static_cast<int>(index) != *forcedChord) allowed[index] = 0;
    } else if (kind.kind == TimedTokenKind::Chord) {
      allowed[index] = 0;  // harmony changes only where the progression says
    } else if (forcePositionZero && (kind.kind == TimedTokenKind::Bar ||
                                     (kind.kind == TimedTokenKind::Position && kind.value != 0))) {
      allowed[index] = 0;  // every bar starts on its downbeat, with its chord
    } else if (strongBeatTones && kind.kind == TimedTokenKind::Pitch && !(*strongBeatTones)[kind.value % 12]) {
      allowed[index] = 0;
    }
  }
}

TimedPitchClassConstraint::TimedPitchClassConstraint(const Vocabulary& vocabulary, const std::vector<int>& pitchClasses) {
  std::vector<char> welcome(12, 0);
  for (int pitchClass : pitchClasses) welcome[((pitchClass % 12) + 12) % 12] = 1;
  const std::vector<TimedTokenKind> kinds = classifyTimedTokens(vocabulary);
  allowed_.assign(kinds.size(), 1);
  for (std::size_t index = 0; index < kinds.size(); ++index)
    if (kinds[index].kind == TimedTokenKind::Pitch && !welcome[kinds[index].value % 12]) allowed_[index] = 0;
}

void TimedPitchClassConstraint::restrict(const SamplingContext&, std::vector<char>& allowed) const {
  for (std::size_t i = 0; i < allowed.size() && i < allowed_.size(); ++i) allowed[i] = static_cast<char>(allowed[i] && allowed_[i]);
}

}  // namespace lofi
