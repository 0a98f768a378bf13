#include "audio/grooves/groove.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "common/seeded_random.h"
#include "common/atomic_file.h"

namespace lofi {
namespace {

using Json = nlohmann::json;

struct Humanize {
  int velocity = 0;
  double timingSteps = 0;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) { throw std::runtime_error(where + ": " + what); }

const Json& field(const Json& object, const char* name, const std::string& where) {
  if (!object.is_object() || !object.contains(name)) fail(where, std::string("missing \"") + name + "\"");
  return object[name];
}

std::string stringField(const Json& object, const char* name, const std::string& where) {
  const Json& value = field(object, name, where);
  if (!value.is_string() || value.get<std::string>().empty()) fail(where, std::string("\"") + name + "\" must be a non-empty string");
  return value.get<std::string>();
}

double numberField(const Json& object, const char* name, const std::string& where, double low, double high) {
  const Json& value = field(object, name, where);
  if (!value.is_number() || value.get<double>() < low || value.get<double>() > high)
    fail(where, std::string("\"") + name + "\" must be a number from " + std::to_string(low) + " to " + std::to_string(high));
  return value.get<double>();
}

int velocityOf(char symbol) {
  switch (symbol) {
    case 'X': return 112;
    case 'x': return 88;
    case 'o': return 48;
    default: return 0;
  }
}

// One bar: for each step, the (drum, base velocity) pairs.
using Bar = std::vector<std::vector<std::pair<std::string, int>>>;

Bar parseBar(const Json& patterns, const std::string& where, const std::vector<std::string>& knownDrums) {
  if (!patterns.is_object() || patterns.empty()) fail(where, "a bar must map drums to patterns");
  Bar bar(kStepsPerBar);
  for (const auto& [drum, pattern] : patterns.items()) {
    const std::string at = where + ", drum \"" + drum + "\"";
    if (std::find(knownDrums.begin(), knownDrums.end(), drum) == knownDrums.end()) fail(at, "not a drum of the kit");
    if (!pattern.is_string() || pattern.get<std::string>().size() != kStepsPerBar)
      fail(at, "the pattern must be a string of " + std::to_string(kStepsPerBar) + " steps");
    const std::string steps = pattern.get<std::string>();
    for (int step = 0; step < kStepsPerBar; ++step) {
      const char symbol = steps[static_cast<std::size_t>(step)];
      if (symbol == '.') continue;
      if (velocityOf(symbol) == 0) fail(at, "step " + std::to_string(step + 1) + ": '" + symbol + "' is not one of X x o .");
      bar[static_cast<std::size_t>(step)].push_back({drum, velocityOf(symbol)});
    }
  }
  return bar;
}

// Which steps of a bar are off-beats for the swing unit.
bool isSwung(int stepInBar, const std::string& unit) {
  return unit == "eighth" ? stepInBar % 4 == 2 : stepInBar % 2 == 1;
}

Groove expandGroove(const Json& source, std::size_t index, const std::string& file,
                    const std::vector<std::string>& knownDrums) {
  std::string where = file + ": groove " + std::to_string(index);
  Groove groove;
  groove.name = stringField(source, "name", where);
  where += " (" + groove.name + ")";
  groove.title = stringField(source, "title", where);
  groove.bpm = numberField(source, "bpm", where, 40, 200);
  const std::string unit = stringField(source, "swingUnit", where);
  if (unit != "sixteenth" && unit != "eighth") fail(where, "\"swingUnit\" must be \"sixteenth\" or \"eighth\"");
  const double swing = numberField(source, "swingSteps", where, 0, 1);
  const Json& humanizeJson = field(source, "humanize", where);
  const Humanize humanize{static_cast<int>(numberField(humanizeJson, "velocity", where + ", humanize", 0, 40)),
                          numberField(humanizeJson, "timingSteps", where + ", humanize", 0, 0.25)};
  SeededRandom random(static_cast<std::uint64_t>(numberField(source, "seed", where, 0, 1e9)));

  std::map<std::string, Bar> bars;
  for (const auto& [name, patterns] : field(source, "bars", where).items())
    bars[name] = parseBar(patterns, where + ", bar \"" + name + "\"", knownDrums);
  const Json& form = field(source, "form", where);
  if (!form.is_array() || form.size() != kGrooveBars) fail(where, "\"form\" must list " + std::to_string(kGrooveBars) + " bars");

  for (int barIndex = 0; barIndex < kGrooveBars; ++barIndex) {
    const Json& barName = form[static_cast<std::size_t>(barIndex)];
    if (!barName.is_string() || !bars.count(barName.get<std::string>()))
      fail(where, "form bar " + std::to_string(barIndex + 1) + " names no bar of \"bars\"");
    for (const auto& hits : bars[barName.get<std::string>()]) {
      const int stepInBar = static_cast<int>(groove.steps.size()) % kStepsPerBar;
      std::vector<DrumHit>& step = groove.steps.emplace_back();
      for (const auto& [drum, velocity] : hits) {
        const int wobble = static_cast<int>(std::lround(random.uniform(-1.0, 1.0) * humanize.velocity));
        const double late = (isSwung(stepInBar, unit) ? swing : 0.0) + random.uniform(-1.0, 1.0) * humanize.timingSteps;
        step.push_back({drum, std::clamp(velocity + wobble, 1, 127), std::round(late * 1000.0) / 1000.0});
      }
    }
  }
  return groove;
}

}  // namespace

std::vector<Groove> parseGrooves(const std::string& text, const std::string& nameForErrors,
                                 const std::vector<std::string>& knownDrums) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    fail(nameForErrors, "invalid JSON at byte " + std::to_string(error.byte));
  }
  const Json& list = field(json, "grooves", nameForErrors);
  if (!list.is_array() || list.empty()) fail(nameForErrors, "\"grooves\" must be a non-empty list");
  std::vector<Groove> grooves;
  for (std::size_t i = 0; i < list.size(); ++i) {
    grooves.push_back(expandGroove(list[i], i, nameForErrors, knownDrums));
    for (std::size_t j = 0; j + 1 < grooves.size(); ++j)
      if (grooves[j].name == grooves.back().name) fail(nameForErrors, "two grooves are named \"" + grooves.back().name + "\"");
  }
  return grooves;
}

std::vector<Groove> readGrooves(const std::string& path, const std::vector<std::string>& knownDrums) {
  return parseGrooves(readFileToString(path, 1 << 20), path, knownDrums);
}

nlohmann::ordered_json grooveToJson(const Groove& groove) {
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const auto& step : groove.steps) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const DrumHit& hit : step) hits.push_back({{"drum", hit.drum}, {"velocity", hit.velocity}, {"offset", hit.offsetSteps}});
    steps.push_back(hits);
  }
  return {{"name", groove.name}, {"title", groove.title}, {"bpm", groove.bpm}, {"bars", kGrooveBars},
          {"stepsPerBar", kStepsPerBar}, {"steps", steps}};
}

}  // namespace lofi
