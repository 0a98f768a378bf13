#include "music/classic_tokens.h"

#include <charconv>
#include <unordered_map>

#include "music/pitch_names.h"

namespace lofi::classic {
namespace {

// Letter, any number of '#' or '-', then an octave that may be negative.
std::optional<int> parseSpelledNote(const std::string& name) {
  static const std::unordered_map<char, int> letters = {{'C', 0}, {'D', 2}, {'E', 4}, {'F', 5},
                                                        {'G', 7}, {'A', 9}, {'B', 11}};
  if (name.size() < 2 || !letters.contains(name[0])) return std::nullopt;
  int pitchClass = letters.at(name[0]);
  std::size_t index = 1;
  for (; index < name.size() && (name[index] == '#' || name[index] == '-'); ++index)
    pitchClass += name[index] == '#' ? 1 : -1;
  int octave = 0;
  const char* begin = name.data() + index;
  const char* end = name.data() + name.size();
  const auto [stop, error] = std::from_chars(begin, end, octave);
  if (begin == end || error != std::errc() || stop != end) return std::nullopt;
  return (octave + 1) * 12 + pitchClass;
}

}  // namespace

std::string noteNameFromMidi(int pitch) { return pitchName(pitch); }

std::optional<int> midiFromNoteName(const std::string& name) {
  // The canonical spellings first, so that "C-1" is MIDI 0, not C flat in octave 1.
  static const std::unordered_map<std::string, int> canonical = [] {
    std::unordered_map<std::string, int> names;
    for (int pitch = 0; pitch < 128; ++pitch) names[noteNameFromMidi(pitch)] = pitch;
    return names;
  }();
  if (const auto found = canonical.find(name); found != canonical.end()) return found->second;
  return parseSpelledNote(name);
}

std::optional<std::vector<int>> chordPitchClasses(const std::string& token) {
  std::vector<int> pitchClasses;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = token.find('.', start);
    const std::size_t stop = dot == std::string::npos ? token.size() : dot;
    int pitchClass = -1;
    const auto [end, error] = std::from_chars(token.data() + start, token.data() + stop, pitchClass);
    if (start == stop || error != std::errc() || end != token.data() + stop || pitchClass < 0 || pitchClass > 11)
      return std::nullopt;
    pitchClasses.push_back(pitchClass);
    if (dot == std::string::npos) return pitchClasses;
    start = dot + 1;
  }
}

std::string chordToken(const std::vector<int>& pitchClasses) {
  std::string token;
  for (int pitchClass : pitchClasses) {
    if (!token.empty()) token += '.';
    token += std::to_string(pitchClass);
  }
  return token;
}

std::optional<std::vector<int>> soundingPitchClasses(const std::string& token) {
  if (token == "r") return std::vector<int>{};
  if (auto chord = chordPitchClasses(token)) return chord;
  if (const auto pitch = midiFromNoteName(token)) return std::vector<int>{((*pitch % 12) + 12) % 12};
  return std::nullopt;
}

}  // namespace lofi::classic
