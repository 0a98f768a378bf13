#include "music/theory/scale.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "music/theory/symbol_error.h"
#include "music/theory/symbol_reader.h"

namespace lofi::theory {
namespace {

struct ModeInfo {
  Mode mode;
  const char* name;
  std::vector<int> semitones;
  std::vector<int> letterSteps;  // letters above the tonic's, per degree
};

const std::vector<ModeInfo>& modes() {
  static const std::vector<int> heptatonicLetters = {0, 1, 2, 3, 4, 5, 6};
  static const std::vector<ModeInfo> all = {
      {Mode::Major, "major", {0, 2, 4, 5, 7, 9, 11}, heptatonicLetters},
      {Mode::NaturalMinor, "minor", {0, 2, 3, 5, 7, 8, 10}, heptatonicLetters},
      {Mode::HarmonicMinor, "harmonic minor", {0, 2, 3, 5, 7, 8, 11}, heptatonicLetters},
      {Mode::MelodicMinor, "melodic minor", {0, 2, 3, 5, 7, 9, 11}, heptatonicLetters},
      {Mode::Dorian, "dorian", {0, 2, 3, 5, 7, 9, 10}, heptatonicLetters},
      {Mode::Phrygian, "phrygian", {0, 1, 3, 5, 7, 8, 10}, heptatonicLetters},
      {Mode::Lydian, "lydian", {0, 2, 4, 6, 7, 9, 11}, heptatonicLetters},
      {Mode::Mixolydian, "mixolydian", {0, 2, 4, 5, 7, 9, 10}, heptatonicLetters},
      {Mode::Locrian, "locrian", {0, 1, 3, 5, 6, 8, 10}, heptatonicLetters},
      {Mode::MajorPentatonic, "major pentatonic", {0, 2, 4, 7, 9}, {0, 1, 2, 4, 5}},
      {Mode::MinorPentatonic, "minor pentatonic", {0, 3, 5, 7, 10}, {0, 2, 3, 4, 6}},
  };
  return all;
}

const ModeInfo& infoOf(Mode mode) {
  for (const ModeInfo& info : modes())
    if (info.mode == mode) return info;
  return modes().front();
}

std::string lowerCase(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Other names people use for the modes.
std::optional<Mode> modeFromName(const std::string& name) {
  if (name.empty() || name == "major" || name == "maj" || name == "ionian") return Mode::Major;
  if (name == "m" || name == "min" || name == "natural minor" || name == "aeolian") return Mode::NaturalMinor;
  for (const ModeInfo& info : modes())
    if (name == info.name) return info.mode;
  return std::nullopt;
}

}  // namespace

const std::vector<int>& modeIntervals(Mode mode) { return infoOf(mode).semitones; }

std::string modeName(Mode mode) { return infoOf(mode).name; }

std::vector<int> pitchClasses(const Scale& scale) {
  std::vector<int> classes;
  for (int semitones : modeIntervals(scale.mode)) classes.push_back(pitchClassOf(pitchClass(scale.tonic) + semitones));
  return classes;
}

std::vector<NoteName> noteNames(const Scale& scale) {
  const ModeInfo& info = infoOf(scale.mode);
  std::vector<NoteName> names;
  for (std::size_t degree = 0; degree < info.semitones.size(); ++degree)
    names.push_back(transpose(scale.tonic, info.letterSteps[degree], info.semitones[degree]));
  return names;
}

int degreePitchClass(const Scale& scale, int degree) {
  const auto& semitones = modeIntervals(scale.mode);
  const int size = static_cast<int>(semitones.size());
  const int index = (((degree - 1) % size) + size) % size;
  return pitchClassOf(pitchClass(scale.tonic) + semitones[static_cast<std::size_t>(index)]);
}

std::optional<int> degreeOf(const Scale& scale, int pitchClass) {
  const auto classes = pitchClasses(scale);
  const auto it = std::find(classes.begin(), classes.end(), pitchClassOf(pitchClass));
  if (it == classes.end()) return std::nullopt;
  return static_cast<int>(it - classes.begin()) + 1;
}

bool contains(const Scale& scale, int pitchClass) { return degreeOf(scale, pitchClass).has_value(); }

Scale parseScale(std::string_view text) {
  const std::string symbol(text);
  const std::string_view body = trimmed(text);
  const auto tonic = readNoteName(body);
  if (!tonic) throw SymbolError(symbol, quoted(firstCharacter(body)) + " is not a note name");
  const std::string_view written = trimmed(body.substr(tonic->second));
  // Case matters only for the one-letter shorthands: "Cm" is minor, "CM" major.
  std::string name = written == "M" ? "major" : lowerCase(written);
  // Collapse runs of spaces: "harmonic  minor".
  name.erase(std::unique(name.begin(), name.end(), [](char a, char b) { return a == ' ' && b == ' '; }), name.end());
  const auto mode = modeFromName(name);
  if (!mode) {
    std::string known;
    for (const ModeInfo& info : modes()) known += (known.empty() ? "" : ", ") + std::string(info.name);
    throw SymbolError(symbol, quoted(name) + " is not a scale (" + known + ")");
  }
  return {tonic->first, *mode};
}

std::string toString(const Scale& scale) { return toString(scale.tonic) + " " + modeName(scale.mode); }

Scale scaleFromKeySignature(int sharps, bool minor) {
  // Each sharp moves the major tonic a fifth up, each flat a fifth down.
  const int steps = std::clamp(sharps, -7, 7);
  NoteName major{'C', 0};
  for (int i = 0; i < steps; ++i) major = transpose(major, 4, 7);
  for (int i = 0; i > steps; --i) major = transpose(major, 3, 5);
  if (!minor) return {major, Mode::Major};
  return {transpose(major, 5, 9), Mode::NaturalMinor};
}

}  // namespace lofi::theory
