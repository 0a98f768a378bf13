#include "music/classic/classic_tokens.h"

#include <charconv>
#include <stdexcept>
#include <unordered_map>

#include "music/classic/pitch_names.h"

namespace lofi::classic {
namespace {

int mod12(int value) { return ((value % 12) + 12) % 12; }

// Letter, any number of '#' or '-', then an octave that may be negative.
std::optional<int> parseSpelledNote(std::string_view name) {
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
  if (begin == end || error != std::errc() || stop != end || octave < -2 || octave > 10) return std::nullopt;
  const int pitch = (octave + 1) * 12 + pitchClass;
  if (pitch < 0 || pitch > 127) return std::nullopt;
  return pitch;
}

}  // namespace

std::string noteNameFromMidi(int pitch) { return pitchName(pitch); }

std::optional<int> midiFromNoteName(std::string_view name) {
  // The canonical spellings first, so that "C-1" is MIDI 0, not C flat in octave 1.
  static const std::unordered_map<std::string, int> canonical = [] {
    std::unordered_map<std::string, int> names;
    for (int pitch = 0; pitch < 128; ++pitch) names[noteNameFromMidi(pitch)] = pitch;
    return names;
  }();
  if (const auto found = canonical.find(std::string(name)); found != canonical.end()) return found->second;
  return parseSpelledNote(name);
}

std::optional<std::vector<int>> chordPitchClasses(std::string_view token) {
  std::vector<int> pitchClasses;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = token.find('.', start);
    const std::size_t stop = dot == std::string_view::npos ? token.size() : dot;
    int pitchClass = -1;
    const auto [end, error] = std::from_chars(token.data() + start, token.data() + stop, pitchClass);
    if (start == stop || error != std::errc() || end != token.data() + stop || pitchClass < 0 || pitchClass > 11)
      return std::nullopt;
    pitchClasses.push_back(pitchClass);
    if (dot == std::string_view::npos) return pitchClasses;
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

std::optional<ClassicToken> parseToken(std::string_view token) {
  if (token == kRestToken) return ClassicToken{ClassicToken::Kind::Rest, {}};
  if (auto classes = chordPitchClasses(token)) return ClassicToken{ClassicToken::Kind::Chord, std::move(*classes)};
  if (const auto pitch = midiFromNoteName(token)) return ClassicToken{ClassicToken::Kind::Note, {*pitch}};
  return std::nullopt;
}

ClassicToken readToken(std::string_view token) {
  if (auto parsed = parseToken(token)) return std::move(*parsed);
  throw std::invalid_argument(std::string("unknown classic token '").append(token).append("'"));
}

std::optional<std::vector<int>> soundingPitchClasses(std::string_view token) {
  const std::optional<ClassicToken> parsed = parseToken(token);
  if (!parsed) return std::nullopt;
  if (parsed->kind == ClassicToken::Kind::Note) return std::vector<int>{mod12(parsed->values.front())};
  return parsed->values;
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

}  // namespace lofi::classic
