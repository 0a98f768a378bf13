// Transposition of the seed's ("classic") tokens: a note name with octave
// moves by semitones and is respelled as music21 spells MIDI pitches (C#, E-,
// F#, G#, B-); a pitch-class chord such as "9.0.4" moves every class and is
// rewritten in normal order; a rest "r" stays.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "music/classic_tokens.h"
#include "music/token_transposer.h"

namespace lofi {

class ClassicTransposer : public TokenTransposer {
 public:
  std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const override;
};

// A chord in normal order moved by `semitones`, still in normal order. Since
// normal order depends only on intervals, the moved order is normal again,
// except that a symmetric chord (augmented, diminished seventh...) may start
// on several classes: music21 then starts on the lowest.
namespace classic {
std::vector<int> transposeNormalOrder(const std::vector<int>& pitchClasses, int semitones);
}  // namespace classic

}  // namespace lofi
