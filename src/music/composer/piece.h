// One lo-fi piece, from a seed: every choice (key, tempo, form, progression,
// styles, instruments) drawn up front, then the harmony, melody, chords and
// bass written over it and gathered into a labelled Score.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "music/composer/bass_line.h"
#include "music/composer/comping.h"
#include "music/composer/harmony.h"
#include "music/composer/melody.h"
#include "music/score.h"
#include "music/theory/scale.h"

namespace lofi::composer {

inline constexpr int kLowestBpm = 70;
inline constexpr int kHighestBpm = 90;

// General MIDI programs, counted from 0.
inline constexpr int kAcousticPiano = 0;
inline constexpr int kElectricPiano = 4;
inline constexpr int kVibraphone = 11;
inline constexpr int kJazzGuitar = 26;
inline constexpr int kFingeredBass = 33;

struct PiecePlan {
  theory::Scale key;
  int bpm = 80;
  bool swing = false;
  int melodyProgram = kElectricPiano;
  int chordProgram = kAcousticPiano;
  HarmonyOptions harmony;  // holds the number of bars
  MelodyOptions melody;
  CompingOptions comping;
  BassOptions bass;
};

PiecePlan planPiece(SeededRandom& random);

struct ComposedPiece {
  PiecePlan plan;
  Harmony harmony;
  Melody melody;
  Score score;  // parts "Melody", "Chords", "Bass"; tempo, meter, key and labels
};

ComposedPiece composePiece(std::uint64_t seed);

}  // namespace lofi::composer
