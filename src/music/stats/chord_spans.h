// Which chord sounds when, from the chord symbols a file carries as labels.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "music/score.h"
#include "music/stats/music_stats.h"

namespace lofi {

// Reads a label's text as a chord: its pitch classes, or nothing if the text
// is not a chord symbol.
using ChordLabelReader = std::function<std::optional<std::vector<int>>(const std::string&)>;

// The usual reader: labels that read as chord symbols (Dm9, G13, C/E).
std::optional<std::vector<int>> readChordSymbolLabel(const std::string& text);

// Each label that reads as a chord sounds until the next one, or the end of the score.
std::vector<SoundingChord> chordSpansFromLabels(const Score& score, const ChordLabelReader& readChord);

}  // namespace lofi
