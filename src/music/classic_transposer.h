// Transposition of the seed's ("classic") tokens: a note name with octave
// moves by semitones and is respelled as music21 spells MIDI pitches (C#, E-,
// F#, G#, B-); a pitch-class chord such as "9.0.4" moves every class and is
// rewritten in normal order; a rest "r" stays.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "music/token_transposer.h"

namespace lofi {

class ClassicTransposer : public TokenTransposer {
 public:
  std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const override;
};

// "C4" -> 60, "B-3" -> 58, "C-1" -> 0; nullopt if `name` is not a note name.
std::optional<int> midiFromNoteName(const std::string& name);
// 60 -> "C4", with the spelling music21 gives MIDI pitches.
std::string noteNameFromMidi(int pitch);

// A chord in normal order moved by `semitones`, still in normal order. Since
// normal order depends only on intervals, the moved order is normal again,
// except that a symmetric chord (augmented, diminished seventh...) may start
// on several classes: music21 then starts on the lowest.
std::vector<int> transposeNormalOrder(const std::vector<int>& pitchClasses, int semitones);

}  // namespace lofi
