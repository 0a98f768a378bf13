// A score as the list of notes the web player schedules: onset and duration
// in beats (quarter notes) and in Transport time "bars:quarters:sixteenths",
// pitch and velocity. `lofi generate --json` prints exactly this, as will the server.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "music/score.h"

namespace lofi {

struct NoteEvent {
  double onsetBeats = 0;
  double durationBeats = 0;
  std::string onset;     // Transport time
  std::string duration;  // Transport time
  int pitch = 60;
  int velocity = 80;
};

// Every pitched note of every part (drums left out), by onset then pitch.
std::vector<NoteEvent> noteEvents(const Score& score, int quartersPerBar = 4);

nlohmann::json toJson(const NoteEvent& event);
nlohmann::json toJson(const std::vector<NoteEvent>& events);

// Keeps the notes (and labels) that start before `quarters` and cuts the notes that sound past it.
Score trimScore(Score score, double quarters);

}  // namespace lofi
