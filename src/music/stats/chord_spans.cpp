#include "music/stats/chord_spans.h"

#include <algorithm>
#include <stdexcept>

#include "music/theory/chord_symbol.h"

namespace lofi {

std::optional<std::vector<int>> readChordSymbolLabel(const std::string& text) {
  try {
    return theory::pitchClasses(theory::parseChordSymbol(text));
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

std::vector<SoundingChord> chordSpansFromLabels(const Score& score, const ChordLabelReader& readChord) {
  std::vector<SoundingChord> spans;
  for (const TextLabel& label : score.labels) {
    std::optional<std::vector<int>> pitchClasses = readChord(label.text);
    if (!pitchClasses) continue;
    if (!spans.empty()) {
      if (spans.back().startTick == label.tick) {
        spans.back().pitchClasses = std::move(*pitchClasses);  // a later label at the same tick wins
        continue;
      }
      spans.back().endTick = label.tick;
    }
    spans.push_back({label.tick, label.tick, std::move(*pitchClasses)});
  }
  if (!spans.empty()) spans.back().endTick = std::max(score.endTick(), spans.back().startTick + 1);
  return spans;
}

}  // namespace lofi
