#include "model/steering/classic_steering.h"

#include <cmath>

namespace lofi {
namespace {

// Each token whose every sounding pitch class is welcome stays allowed;
// tokens that are not classic ones are left to other constraints.
std::vector<char> allowedWith(const Vocabulary& vocabulary, const std::vector<char>& welcome) {
  std::vector<char> allowed(vocabulary.size(), 1);
  for (std::size_t index = vocabulary.specialCount(); index < vocabulary.size(); ++index) {
    const auto classes = classic::soundingPitchClasses(vocabulary.tokens()[index]);
    if (!classes) continue;
    for (int pitchClass : *classes)
      if (!welcome[pitchClass]) allowed[index] = 0;
  }
  return allowed;
}

std::vector<std::optional<classic::ClassicToken::Kind>> tokenKinds(const Vocabulary& vocabulary) {
  std::vector<std::optional<classic::ClassicToken::Kind>> kinds(vocabulary.size());
  for (std::size_t index = vocabulary.specialCount(); index < vocabulary.size(); ++index)
    if (const auto token = classic::parseToken(vocabulary.tokens()[index])) kinds[index] = token->kind;
  return kinds;
}

}  // namespace

ChordScaleConstraint::ChordScaleConstraint(const Vocabulary& vocabulary, const theory::ChordProgression& progression,
                                           const std::vector<int>& scale, const DecodeOptions& decode)
    : kinds_(tokenKinds(vocabulary)), quartersPerChord_(progression.quartersPerChord), clock_(decode) {
  for (const theory::ChordSymbol& chord : progression.chords) {
    std::vector<char> welcome(12, 0);
    for (int pitchClass : theory::pitchClasses(chord)) welcome[pitchClass] = 1;
    chordTonesPerChord_.push_back(allowedWith(vocabulary, welcome));
    for (int pitchClass : scale) welcome[pitchClass] = 1;
    allowedPerChord_.push_back(allowedWith(vocabulary, welcome));
  }
}

ChordScaleConstraint::ChordScaleConstraint(const Vocabulary& vocabulary, const std::vector<int>& scale)
    : kinds_(tokenKinds(vocabulary)), clock_(DecodeOptions{}) {
  std::vector<char> welcome(12, 0);
  for (int pitchClass : scale) welcome[pitchClass] = 1;
  allowedPerChord_.push_back(allowedWith(vocabulary, welcome));
  chordTonesPerChord_ = allowedPerChord_;  // no chord: the scale on every beat
}

std::size_t ChordScaleConstraint::chordAt(double quarters) const {
  const auto index = static_cast<std::int64_t>(std::floor(quarters / quartersPerChord_ + 1e-9));
  return static_cast<std::size_t>(std::max<std::int64_t>(0, index)) % allowedPerChord_.size();
}

void ChordScaleConstraint::restrict(std::span<char> allowed) const {
  const double quarters = clock_.nowQuarters();
  // Beats 1 and 3 of a 4/4 bar (the strong beats `lofi stats` counts) take
  // chord tones only; between them the key's scale tones pass too.
  const double beatInPair = std::fmod(quarters, 2.0);
  const bool strongBeat = beatInPair < 1e-6 || beatInPair > 2.0 - 1e-6;
  const std::vector<char>& chord = (strongBeat ? chordTonesPerChord_ : allowedPerChord_)[chordAt(quarters)];
  for (std::size_t i = 0; i < allowed.size() && i < chord.size(); ++i) allowed[i] = static_cast<char>(allowed[i] && chord[i]);
}

void ChordScaleConstraint::accept(int token) {
  if (token >= 0 && static_cast<std::size_t>(token) < kinds_.size() && kinds_[token]) clock_.advance(*kinds_[token]);
}

}  // namespace lofi
