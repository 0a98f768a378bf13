// The seed's "classic" encoding: one token per note ("C4", "B-3"), chord
// (normal-order pitch classes, "0.4.7") or rest ("r") of the first instrument
// part that music21 8.1 makes of a MIDI file. Tokens carry no timing; decoding
// draws durations at random, as the seed's generator did.
#pragma once

#include "music/encoding.h"

namespace lofi {

class ClassicEncoding : public Encoding {
 public:
  std::string name() const override { return "classic"; }
  Tokens encode(const midi::File& file) const override;
  Score decode(const Tokens& tokens, const DecodeOptions& options) const override;
};

// What a classic token stands for.
struct ClassicToken {
  enum class Kind { Note, Chord, Rest } kind = Kind::Rest;
  std::vector<int> values;  // Note: one MIDI number; Chord: pitch classes in order
};

// Throws std::invalid_argument naming the token if it is not a classic token.
ClassicToken parseClassicToken(const std::string& token);

}  // namespace lofi
