#include "model/steering/steering.h"

#include <functional>
#include <stdexcept>
#include <utility>

#include "model/steering/classic_steering.h"
#include "model/steering/timed_steering.h"
#include "music/theory/scale.h"

namespace lofi {
namespace {

using Constraints = std::vector<std::unique_ptr<TokenConstraint>>;
using Builder = std::function<Constraints(const Vocabulary&, const Steering&, const DecodeOptions&)>;

Constraints classicConstraints(const Vocabulary& vocabulary, const Steering& steering, const DecodeOptions& decode) {
  Constraints constraints;
  if (!steering.chords.empty()) {
    const theory::ChordProgression progression = theory::parseChordProgression(steering.chords);
    constraints.push_back(std::make_unique<ChordScaleConstraint>(
        vocabulary, progression, keyPitchClasses(steering.key, progression.chords.front()), decode));
  } else if (!steering.key.empty()) {
    constraints.push_back(std::make_unique<ChordScaleConstraint>(vocabulary, keyPitchClasses(steering.key)));
  }
  return constraints;
}

Constraints timedConstraints(const Vocabulary& vocabulary, const Steering& steering, const DecodeOptions&) {
  Constraints constraints;
  constraints.push_back(std::make_unique<TimedGrammarConstraint>(vocabulary));
  if (!steering.chords.empty())
    constraints.push_back(
        std::make_unique<TimedChordConstraint>(vocabulary, theory::parseChordProgression(steering.chords)));
  if (!steering.key.empty())
    constraints.push_back(std::make_unique<TimedPitchClassConstraint>(vocabulary, keyPitchClasses(steering.key)));
  return constraints;
}

// Each encoding's steering, registered once.
const std::vector<std::pair<std::string, Builder>>& registry() {
  static const std::vector<std::pair<std::string, Builder>> entries = {
      {"classic", classicConstraints},
      {"timed", timedConstraints},
  };
  return entries;
}

}  // namespace

Constraints steeringConstraints(const Vocabulary& vocabulary, const std::string& encoding, const Steering& steering,
                                const DecodeOptions& decode) {
  for (const auto& [name, build] : registry())
    if (name == encoding) return build(vocabulary, steering, decode);
  if (!steering.chords.empty() || !steering.key.empty())
    throw std::invalid_argument("chords and keys cannot steer the '" + encoding + "' encoding");
  return {};
}

std::vector<int> keyPitchClasses(const std::string& key) { return theory::pitchClasses(theory::parseScale(key)); }

std::vector<int> keyPitchClasses(const std::string& key, const theory::ChordSymbol& firstChord) {
  if (!key.empty()) return keyPitchClasses(key);
  const bool minor = firstChord.triad == theory::Triad::Minor || firstChord.triad == theory::Triad::Diminished;
  return theory::pitchClasses(theory::Scale{firstChord.root, minor ? theory::Mode::NaturalMinor : theory::Mode::Major});
}

}  // namespace lofi
