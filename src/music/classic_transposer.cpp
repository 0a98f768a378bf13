#include "music/classic_transposer.h"

#include <stdexcept>

namespace lofi {
namespace {

int mod12(int value) { return ((value % 12) + 12) % 12; }

}  // namespace

std::vector<int> classic::transposeNormalOrder(const std::vector<int>& pitchClasses, int semitones) {
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
  using namespace classic;
  Tokens moved;
  moved.reserve(tokens.size());
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const std::string& token = tokens[index];
    if (token == "r") {
      moved.push_back(token);
    } else if (const auto chord = chordPitchClasses(token)) {
      moved.push_back(chordToken(transposeNormalOrder(*chord, semitones)));
    } else if (const auto pitch = midiFromNoteName(token)) {
      const int target = *pitch + semitones;
      if (target < 0 || target > 127) return std::nullopt;
      std::string name = noteNameFromMidi(target);
      // "E-1" and "B-1" name two pitches each in music21 (E in octave -1, E flat
      // in octave 1): below the piano, so such keys are left out.
      if (midiFromNoteName(name) != target) return std::nullopt;
      moved.push_back(std::move(name));
    } else {
      throw std::invalid_argument("classic token " + std::to_string(index) + " '" + token +
                                  "' is neither a note, a chord nor a rest");
    }
  }
  return moved;
}

}  // namespace lofi
