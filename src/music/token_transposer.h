// Transposing a token sequence by a number of semitones, one implementation
// per encoding. Training uses it to show the model every piece in all twelve
// keys. An encoding without a transposer simply trains untransposed.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "music/encoding.h"

namespace lofi {

class TokenTransposer {
 public:
  virtual ~TokenTransposer() = default;
  // The tokens moved by `semitones`, or nullopt when a note would leave the
  // MIDI range 0-127. Throws std::invalid_argument naming a token it cannot read.
  virtual std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const = 0;
};

// The transposer registered for an encoding name, or nullptr if it has none.
std::unique_ptr<TokenTransposer> makeTokenTransposer(const std::string& encodingName);

}  // namespace lofi
