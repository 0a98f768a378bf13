#include "music/composer/melody_pitch.h"

#include <algorithm>
#include <stdexcept>

namespace lofi::composer {

bool holds(const std::vector<int>& pitchClasses, int pitch) {
  return std::find(pitchClasses.begin(), pitchClasses.end(), theory::pitchClassOf(pitch)) != pitchClasses.end();
}

std::vector<int> stableTones(const theory::ChordSymbol& chord) {
  const int root = theory::rootPitchClass(chord);
  std::vector<int> tones;
  for (const theory::ChordTone& tone : theory::chordTones(chord)) {
    const bool naturalNinth = tone.degree == 9 && tone.semitones == 14;
    if (tone.degree <= 7 || naturalNinth) tones.push_back(theory::pitchClassOf(root + tone.semitones));
  }
  std::sort(tones.begin(), tones.end());
  tones.erase(std::unique(tones.begin(), tones.end()), tones.end());
  return tones;
}

std::vector<int> landingTones(const theory::ChordSymbol& chord, const theory::Scale& key) {
  const std::vector<int> stable = stableTones(chord);
  std::vector<int> inKey;
  for (int tone : stable)
    if (theory::contains(key, tone)) inKey.push_back(tone);
  return inKey.size() >= 2 ? inKey : stable;
}

std::vector<int> chordScale(const theory::ChordSymbol& chord, const theory::Scale& key) {
  std::vector<int> scale = theory::pitchClasses(key);
  const std::vector<int> chordTones = theory::pitchClasses(chord);
  for (int tone : chordTones) {
    if (holds(scale, tone)) continue;
    // Drop the neighbours that clash: a key tone a semitone above a chord tone
    // (the A over an Fm6's Ab, the Eb over a Bb7's D); the one below stays
    // (the G, a ninth of Fm6; the Db, a blue #9 over Bb7) unless it too sits a
    // semitone above a chord tone.
    std::erase_if(scale, [&](int pitchClass) {
      if (holds(chordTones, pitchClass)) return false;
      const int distance = theory::pitchClassOf(pitchClass - tone);
      return distance == 1 || (distance == 11 && holds(chordTones, pitchClass - 1));
    });
    scale.push_back(tone);
  }
  std::sort(scale.begin(), scale.end());
  return scale;
}

int nearestIn(int pitch, const std::vector<int>& pitchClasses, int preferDirection) {
  if (pitchClasses.empty()) throw std::invalid_argument("nearestIn: no pitch classes");
  for (int distance = 0; distance <= 6; ++distance) {
    const int first = preferDirection >= 0 ? pitch + distance : pitch - distance;
    const int second = preferDirection >= 0 ? pitch - distance : pitch + distance;
    if (holds(pitchClasses, first)) return first;
    if (holds(pitchClasses, second)) return second;
  }
  return pitch;  // unreachable: some pitch class lies within a tritone
}

int stepThrough(int pitch, int steps, const std::vector<int>& pitchClasses) {
  if (pitchClasses.empty()) throw std::invalid_argument("stepThrough: no pitch classes");
  if (steps == 0) return nearestIn(pitch, pitchClasses);
  const int direction = steps > 0 ? 1 : -1;
  for (int remaining = steps > 0 ? steps : -steps; remaining > 0; --remaining) {
    do pitch += direction;
    while (!holds(pitchClasses, pitch));
  }
  return pitch;
}

}  // namespace lofi::composer
