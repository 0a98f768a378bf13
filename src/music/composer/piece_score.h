// A composed piece as a Score: the three parts on their channels and
// instruments, and the labels that let readers skip guessing: a marker per
// chord change holding the chord symbol, the key (signature and text) and the tempo.
#pragma once

#include <string>
#include <vector>

#include "music/composer/harmony.h"
#include "music/composer/piece.h"
#include "music/composer/time_grid.h"
#include "music/score.h"

namespace lofi::composer {

inline constexpr const char* kMelodyPart = "Melody";
inline constexpr const char* kChordsPart = "Chords";
inline constexpr const char* kBassPart = "Bass";

// Label texts besides the chord markers.
std::string tempoLabel(int bpm);                       // "tempo: 82 bpm"
std::string progressionLabel(const Harmony& harmony);  // "progression: ii-V-I, IV-iii-vi"

Score scoreOfPiece(const PiecePlan& plan, const Harmony& harmony, const std::vector<StepNote>& melody,
                   const std::vector<StepNote>& chords, const std::vector<StepNote>& bass);

}  // namespace lofi::composer
