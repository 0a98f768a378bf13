// Transposition of timed tokens: `pitch_N` moves by semitones, `chord_X` is
// the chord moved and respelled the lead-sheet way (chord_Dm9 up 2 is
// chord_Em9); bars, positions, lengths, meters, tempi and chord_NC stay.
#pragma once

#include "music/token_transposer.h"

namespace lofi {

class TimedTransposer : public TokenTransposer {
 public:
  std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const override;
};

}  // namespace lofi
