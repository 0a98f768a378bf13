// Drum grooves as data: eight bars of sixteenth steps, each step listing the
// drums that hit with their velocity and a timing offset (swing plus a
// seeded human wobble) in fractions of a step, so the page can play them at
// any tempo with the sampled kit.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lofi {

inline constexpr int kGrooveBars = 8;
inline constexpr int kStepsPerBar = 16;

struct DrumHit {
  std::string drum;     // a drum of the kit: "kick", "snare", ...
  int velocity = 90;    // 1..127
  double offsetSteps = 0;  // when, relative to the step, in steps (swing and humanising)
};

struct Groove {
  std::string name;   // "boom-bap"
  std::string title;  // "Boom bap"
  double bpm = 85;    // the tempo it was written for; it follows any other
  std::vector<std::vector<DrumHit>> steps;  // kGrooveBars * kStepsPerBar steps
};

// Reads the source form (bar patterns, form, swing, humanize; see
// data/grooves.json) and expands it. `knownDrums` are the kit's names.
// Throws std::runtime_error naming the groove, bar, drum and step at fault.
std::vector<Groove> parseGrooves(const std::string& json, const std::string& nameForErrors,
                                 const std::vector<std::string>& knownDrums);
std::vector<Groove> readGrooves(const std::string& path, const std::vector<std::string>& knownDrums);

// The expanded groove: {name, title, bpm, bars, stepsPerBar, steps: [[{drum, velocity, offset}]]}.
nlohmann::ordered_json grooveToJson(const Groove& groove);

}  // namespace lofi
