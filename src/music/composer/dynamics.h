// Humanised velocities: a player leans on the strong beats, lightens the
// off-beats and never strikes two notes quite alike.
#pragma once

#include "music/composer/random.h"

namespace lofi::composer {

struct Dynamics {
  int base = 80;    // a note on beat 2 or 4
  int accent = 8;   // added on beats 1 and 3; half of it taken off the off-beats
  int jitter = 5;   // each note moves up to this much either way
};

// The velocity of a note starting at `step`, 1-127; `shape` adds a phrase's
// own rise and fall.
int humanVelocity(const Dynamics& dynamics, int step, SeededRandom& random, int shape = 0);

}  // namespace lofi::composer
