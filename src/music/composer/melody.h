// The solo line: phrases of four bars built from a motif that repeats and
// varies (sequence, inversion, rhythmic displacement, embellishment,
// fragmentation), chord
// tones on the strong beats, passing and approach tones between them, rests,
// and phrase endings that ask (open) and answer (closed).
#pragma once

#include <vector>

#include "music/composer/dynamics.h"
#include "music/composer/harmony.h"
#include "music/composer/motif.h"
#include "music/composer/random.h"
#include "music/composer/time_grid.h"

namespace lofi::composer {

struct MelodyOptions {
  int lowest = 62;   // D4
  int highest = 86;  // D6
  bool swing = false;
  int density = 1;   // 0 sparse, 1 medium, 2 busy
  Dynamics dynamics{84, 8, 5};
};

struct Melody {
  std::vector<StepNote> notes;  // by onset, never overlapping
  std::vector<Motif> motifs;    // the motifs its phrases are built from, in order of first use
};

// Phrase form: 8 bars are A (open) A' (closed); 16 bars are A A' B A''.
Melody composeMelody(const Harmony& harmony, const MelodyOptions& options, SeededRandom& random);

}  // namespace lofi::composer
