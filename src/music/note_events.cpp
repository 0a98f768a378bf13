#include "music/note_events.h"

#include <algorithm>
#include <cmath>

#include "music/transport_time.h"

namespace lofi {

std::vector<NoteEvent> noteEvents(const Score& score, int quartersPerBar) {
  std::vector<NoteEvent> events;
  const double ticksPerQuarter = score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480;
  for (const Part& part : score.parts) {
    if (part.isDrum) continue;
    for (const Note& note : part.notes) {
      NoteEvent event;
      event.onsetBeats = static_cast<double>(note.startTick) / ticksPerQuarter;
      event.durationBeats = static_cast<double>(note.durationTicks()) / ticksPerQuarter;
      event.onset = formatTransportTime(event.onsetBeats, quartersPerBar);
      event.duration = formatTransportTime(event.durationBeats, quartersPerBar);
      event.pitch = note.pitch;
      event.velocity = note.velocity;
      events.push_back(std::move(event));
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const NoteEvent& a, const NoteEvent& b) {
    return a.onsetBeats != b.onsetBeats ? a.onsetBeats < b.onsetBeats : a.pitch < b.pitch;
  });
  return events;
}

nlohmann::json toJson(const NoteEvent& event) {
  // "time" and "duration" as Tone.js' Transport reads them; the same in beats beside.
  return {{"time", event.onset},         {"duration", event.duration}, {"onsetBeats", event.onsetBeats},
          {"durationBeats", event.durationBeats}, {"pitch", event.pitch}, {"velocity", event.velocity}};
}

nlohmann::json toJson(const std::vector<NoteEvent>& events) {
  nlohmann::json list = nlohmann::json::array();
  for (const NoteEvent& event : events) list.push_back(toJson(event));
  return list;
}

Score trimScore(Score score, double quarters) {
  const auto limit = static_cast<std::int64_t>(std::llround(quarters * score.ticksPerQuarter));
  for (Part& part : score.parts) {
    std::erase_if(part.notes, [&](const Note& note) { return note.startTick >= limit; });
    for (Note& note : part.notes) note.endTick = std::min(note.endTick, limit);
  }
  std::erase_if(score.labels, [&](const TextLabel& label) { return label.tick >= limit; });
  return score;
}

}  // namespace lofi
