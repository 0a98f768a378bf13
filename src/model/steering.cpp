#include "model/steering.h"

#include <stdexcept>

#include "model/chord_constraint.h"
#include "model/timed_constraints.h"

namespace lofi {
namespace {

class StartClock : public TokenClock {
 public:
  double quartersBefore(std::span<const int>) const override { return 0; }
};

std::vector<std::shared_ptr<const TokenConstraint>> classicConstraints(const Vocabulary& vocabulary,
                                                                       const Encoding& encoding,
                                                                       const Steering& steering,
                                                                       const DecodeOptions& decode) {
  if (!steering.chords.empty()) {
    const ChordProgression progression = parseProgression(steering.chords);
    // Classic tokens have no time of their own: decode them as the track will be.
    auto clock = std::make_shared<DecodingClock>(encoding, vocabulary, decode, "C4");
    return {std::make_shared<ChordScaleConstraint>(vocabulary, progression,
                                                   keyPitchClasses(steering.key, progression.symbols.front()),
                                                   std::move(clock))};
  }
  if (!steering.key.empty()) {
    ChordProgression none;
    none.symbols = {""};
    none.pitchClasses = {{}};
    return {std::make_shared<ChordScaleConstraint>(vocabulary, none, keyPitchClasses(steering.key, ""),
                                                   std::make_shared<StartClock>())};
  }
  return {};
}

std::vector<std::shared_ptr<const TokenConstraint>> timedConstraints(const Vocabulary& vocabulary,
                                                                     const Steering& steering) {
  std::vector<std::shared_ptr<const TokenConstraint>> constraints = {std::make_shared<TimedGrammarConstraint>(vocabulary)};
  if (!steering.chords.empty())
    constraints.push_back(std::make_shared<TimedChordConstraint>(vocabulary, parseProgression(steering.chords)));
  if (!steering.key.empty())
    constraints.push_back(std::make_shared<TimedPitchClassConstraint>(vocabulary, keyPitchClasses(steering.key, "")));
  return constraints;
}

}  // namespace

std::vector<std::shared_ptr<const TokenConstraint>> steeringConstraints(const Vocabulary& vocabulary,
                                                                        const Encoding& encoding,
                                                                        const Steering& steering,
                                                                        const DecodeOptions& decode) {
  if (encoding.name() == "classic") return classicConstraints(vocabulary, encoding, steering, decode);
  if (encoding.name() == "timed") return timedConstraints(vocabulary, steering);
  if (!steering.chords.empty() || !steering.key.empty())
    throw std::invalid_argument("chords and keys cannot steer the '" + encoding.name() + "' encoding");
  return {};
}

}  // namespace lofi
