// Making a seamless loop. Continuous beds are synthesized a little longer
// than the loop and their overhang is crossfaded into the start; events
// (drops, crackles, chirps) are laid in circularly, so one that starts near
// the end finishes at the beginning. Modulations use whole cycles per loop.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace lofi::ambience {

// `extended` holds loopFrames plus an overhang; the overhang is blended into
// the first frames with an equal-power crossfade (the signals on either side
// are unrelated noise, so their powers add). Returns exactly loopFrames frames.
std::vector<float> crossfadeLoop(const std::vector<float>& extended, std::size_t loopFrames);

// Adds `grain` into `loop` starting at frame `start`, wrapping past the end.
void addCircular(std::vector<float>& loop, std::int64_t start, const std::vector<float>& grain, float gain = 1.0f);

// A sine that makes exactly `cycles` turns per loop: periodic at the seam.
inline double loopSine(double seconds, double loopSeconds, int cycles, double phase = 0.0) {
  return std::sin(2.0 * std::numbers::pi * cycles * seconds / loopSeconds + phase);
}

// Interleaves two mono channels into stereo.
std::vector<float> interleave(const std::vector<float>& left, const std::vector<float>& right);

}  // namespace lofi::ambience
