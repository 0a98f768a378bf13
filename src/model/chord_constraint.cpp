#include "model/chord_constraint.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "music/classic_tokens.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/scale.h"

namespace lofi {

ChordProgression parseProgression(const std::string& text) {
  ChordProgression progression;
  std::string spaced = text;
  std::replace(spaced.begin(), spaced.end(), '|', ' ');
  std::istringstream words(spaced);
  for (std::string symbol; words >> symbol;) {
    const theory::ChordSymbol chord = theory::parseChordSymbol(symbol);  // SymbolError names the symbol
    progression.symbols.push_back(theory::toString(chord));
    progression.pitchClasses.push_back(theory::pitchClasses(chord));
  }
  if (progression.symbols.empty()) throw std::invalid_argument("chords: no chord symbol in '" + text + "'");
  return progression;
}

std::vector<int> keyPitchClasses(const std::string& key, const std::string& firstChord) {
  if (!key.empty()) return theory::pitchClasses(theory::parseScale(key));
  const theory::ChordSymbol chord = theory::parseChordSymbol(firstChord);
  const bool minor = chord.triad == theory::Triad::Minor || chord.triad == theory::Triad::Diminished;
  return theory::pitchClasses(theory::Scale{chord.root, minor ? theory::Mode::NaturalMinor : theory::Mode::Major});
}

DecodingClock::DecodingClock(const Encoding& encoding, const Vocabulary& vocabulary, DecodeOptions options,
                             std::string probe)
    : encoding_(encoding), vocabulary_(vocabulary), options_(std::move(options)), probe_(std::move(probe)) {}

double DecodingClock::quartersBefore(std::span<const int> generated) const {
  Tokens tokens = vocabulary_.decode(generated);
  tokens.push_back(probe_);
  const Score score = encoding_.decode(tokens, options_);
  std::int64_t probeStart = 0;
  for (const Part& part : score.parts)
    for (const Note& note : part.notes) probeStart = std::max(probeStart, note.startTick);
  return static_cast<double>(probeStart) / (score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480);
}

ChordScaleConstraint::ChordScaleConstraint(const Vocabulary& vocabulary, const ChordProgression& progression,
                                           const std::vector<int>& scale, std::shared_ptr<const TokenClock> clock)
    : quartersPerChord_(progression.quartersPerChord), clock_(std::move(clock)) {
  // Each token whose every sounding pitch class is welcome stays allowed.
  const auto allowedWith = [&](const std::vector<char>& welcome) {
    std::vector<char> allowed(vocabulary.size(), 1);
    for (std::size_t index = vocabulary.specialCount(); index < vocabulary.size(); ++index) {
      const auto classes = classic::soundingPitchClasses(vocabulary.tokens()[index]);
      if (!classes) continue;  // not a classic token: not ours to judge
      for (int pitchClass : *classes)
        if (!welcome[pitchClass]) allowed[index] = 0;
    }
    return allowed;
  };
  for (const std::vector<int>& chord : progression.pitchClasses) {
    std::vector<char> welcome(12, 0);
    for (int pitchClass : chord) welcome[pitchClass] = 1;
    chordTonesPerChord_.push_back(allowedWith(welcome));
    for (int pitchClass : scale) welcome[pitchClass] = 1;
    allowedPerChord_.push_back(allowedWith(welcome));
  }
}

std::size_t ChordScaleConstraint::chordAt(double quarters) const {
  const auto index = static_cast<std::int64_t>(std::floor(quarters / quartersPerChord_ + 1e-9));
  return static_cast<std::size_t>(std::max<std::int64_t>(0, index)) % allowedPerChord_.size();
}

void ChordScaleConstraint::restrict(const SamplingContext& context, std::vector<char>& allowed) const {
  const std::size_t generated = std::min<std::size_t>(context.generated, context.history.size());
  const double quarters = clock_->quartersBefore(context.history.last(generated));
  // Beats 1 and 3 of a 4/4 bar (the strong beats `lofi stats` counts) take
  // chord tones only; between them the key's scale tones pass too.
  const double beatInPair = std::fmod(quarters, 2.0);
  const bool strongBeat = beatInPair < 1e-6 || beatInPair > 2.0 - 1e-6;
  const std::vector<char>& chord = (strongBeat ? chordTonesPerChord_ : allowedPerChord_)[chordAt(quarters)];
  for (std::size_t i = 0; i < allowed.size() && i < chord.size(); ++i) allowed[i] = static_cast<char>(allowed[i] && chord[i]);
}

std::vector<ChordSpan> chordTimeline(const ChordProgression& progression, double quarters) {
  std::vector<ChordSpan> spans;
  for (std::size_t index = 0; index * progression.quartersPerChord < quarters; ++index)
    spans.push_back({progression.symbols[index % progression.symbols.size()],
                     static_cast<double>(index) * progression.quartersPerChord, progression.quartersPerChord});
  return spans;
}

}  // namespace lofi
