#include "music/stats/chord_spans.h"

#include <algorithm>

namespace lofi {

std::vector<ChordSpan> chordSpansFromLabels(const Score& score, const ChordLabelReader& readChord) {
  std::vector<ChordSpan> spans;
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
