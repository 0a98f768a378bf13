#include "music/classic_transposer.h"

#include <array>
#include <charconv>
#include <stdexcept>
#include <unordered_map>

namespace lofi {
namespace {

constexpr std::array<const char*, 12> kSpelling = {"C", "C#", "D", "E-", "E", "F", "F#", "G", "G#", "A", "B-", "B"};

int mod12(int value) { return ((value % 12) + 12) % 12; }

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

std::optional<std::vector<int>> parseChord(const std::string& token) {
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

std::string joinChord(const std::vector<int>& pitchClasses) {
  std::string token;
  for (int pitchClass : pitchClasses) token += (token.empty() ? "" : ".") + std::to_string(pitchClass);
  return token;
}

}  // namespace

std::string noteNameFromMidi(int pitch) { return kSpelling[mod12(pitch)] + std::to_string(pitch / 12 - 1); }

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

std::vector<int> transposeNormalOrder(const std::vector<int>& pitchClasses, int semitones) {
  const std::size_t count = pitchClasses.size();
  std::vector<int> moved(count);
  for (std::size_t i = 0; i < count; ++i) moved[i] = mod12(pitchClasses[i] + semitones);
  auto intervalsFrom = [&](std::size_t rotation) {
    std::vector<int> intervals(count);
    for (std::size_t i = 0; i < count; ++i)
      intervals[i] = mod12(moved[(rotation + i + 1) % count] - moved[(rotation + i) % count]);
    return intervals;
  };
  const std::vector<int> intervals = intervalsFrom(0);
  std::size_t best = 0;
  for (std::size_t rotation = 1; rotation < count; ++rotation)
    if (intervalsFrom(rotation) == intervals && moved[rotation] < moved[best]) best = rotation;
  std::vector<int> rotated(count);
  for (std::size_t i = 0; i < count; ++i) rotated[i] = moved[(best + i) % count];
  return rotated;
}

std::optional<Tokens> ClassicTransposer::transpose(const Tokens& tokens, int semitones) const {
  Tokens moved;
  moved.reserve(tokens.size());
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const std::string& token = tokens[index];
    if (token == "r") {
      moved.push_back(token);
    } else if (const auto chord = parseChord(token)) {
      moved.push_back(joinChord(transposeNormalOrder(*chord, semitones)));
    } else if (const auto pitch = midiFromNoteName(token)) {
      const int target = *pitch + semitones;
      if (target < 0 || target > 127) return std::nullopt;
      moved.push_back(noteNameFromMidi(target));
    } else {
      throw std::invalid_argument("classic token " + std::to_string(index) + " '" + token +
                                  "' is neither a note, a chord nor a rest");
    }
  }
  return moved;
}

}  // namespace lofi
