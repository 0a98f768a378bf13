#include "music/part_filter.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace lofi {
namespace {

std::string lowerTrimmed(std::string text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool holdsNotes(const midi::Track& track) {
  return std::any_of(track.events.begin(), track.events.end(), [](const midi::Event& event) { return event.isNoteOn(); });
}

std::string nameOf(const midi::Track& track) {
  for (const midi::Event& event : track.events)
    if (event.isMeta(midi::meta::kTrackName)) return event.payloadText();
  return "";
}

}  // namespace

std::vector<std::string> parsePartNames(const std::string& list) {
  std::vector<std::string> names;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');)
    if (std::string name = lowerTrimmed(item); !name.empty()) names.push_back(std::move(name));
  return names;
}

midi::File keepParts(const midi::File& file, const std::vector<std::string>& parts) {
  if (parts.empty()) return file;
  midi::File kept = file;
  kept.tracks.clear();
  std::vector<std::string> present;
  bool found = false;
  for (const midi::Track& track : file.tracks) {
    if (!holdsNotes(track)) {
      kept.tracks.push_back(track);
      continue;
    }
    const std::string name = nameOf(track);
    present.push_back(name.empty() ? "(unnamed)" : name);
    if (std::find(parts.begin(), parts.end(), lowerTrimmed(name)) != parts.end()) {
      kept.tracks.push_back(track);
      found = true;
    }
  }
  if (!found) {
    std::string have;
    for (const std::string& name : present) have += (have.empty() ? "" : ", ") + name;
    std::string wanted;
    for (const std::string& name : parts) wanted += (wanted.empty() ? "" : ", ") + name;
    throw std::invalid_argument("no part named " + wanted + " (its parts: " + (have.empty() ? "none" : have) + ")");
  }
  return kept;
}

}  // namespace lofi
