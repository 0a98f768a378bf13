#include "music/composer/dynamics.h"

#include <algorithm>

#include "music/composer/time_grid.h"

namespace lofi::composer {

int humanVelocity(const Dynamics& dynamics, int step, SeededRandom& random, int shape) {
  int velocity = dynamics.base + shape;
  if (isStrongStep(step)) velocity += dynamics.accent;
  else if (!isBeatStep(step)) velocity -= dynamics.accent / 2;
  if (dynamics.jitter > 0) velocity += random.between(-dynamics.jitter, dynamics.jitter);
  return std::clamp(velocity, 1, 127);
}

}  // namespace lofi::composer
