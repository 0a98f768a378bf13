#include "music/classic/pitch_names.h"

#include <array>

namespace lofi {
namespace {

// music21's default spelling of each pitch class (pitch.Pitch.midi setter).
constexpr std::array<const char*, 12> kNames = {"C", "C#", "D", "E-", "E", "F", "F#", "G", "G#", "A", "B-", "B"};

int floorDiv(int value, int divisor) { return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor); }

}  // namespace

int pitchClass(int midiNumber) { return ((midiNumber % 12) + 12) % 12; }

std::string pitchName(int midiNumber) {
  const int octave = floorDiv(midiNumber, 12) - 1;
  return std::string(kNames[static_cast<std::size_t>(pitchClass(midiNumber))]) + std::to_string(octave);
}

}  // namespace lofi
