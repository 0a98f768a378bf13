// Small pieces shared by the ambience synthesizers: frame counts, grains,
// panning, and the last step that turns two channels into a finished loop.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "audio/ambience/ambience.h"
#include "audio/ambience/loop_builder.h"

namespace lofi::ambience {

struct LoopFrames {
  std::size_t loop;      // frames in the finished loop
  std::size_t extended;  // plus the overhang that is crossfaded into the start
  int rate;
};

LoopFrames loopFramesOf(const AmbienceOptions& options);

// Equal-power pan: 0 is hard left, 1 hard right.
inline float panLeft(double pan) { return static_cast<float>(std::cos(pan * 1.5707963267948966)); }
inline float panRight(double pan) { return static_cast<float>(std::sin(pan * 1.5707963267948966)); }

// A decaying sine whose pitch glides by `glide` (0.5 = up half again) over
// its length: a drop, a chirp pulse, a pop's body.
std::vector<float> toneGrain(double frequencyHz, double seconds, double glide, double decayPerSecond, int rate);

// A sharp click: a few milliseconds of differentiated, decaying noise.
std::vector<float> clickGrain(double seconds, std::uint64_t seed, int rate);

// Interleaves, then sets the loop's loudness with a peak ceiling of -1 dBFS.
AudioBuffer finishLoop(const std::vector<float>& left, const std::vector<float>& right, int rate, double targetLufs);

}  // namespace lofi::ambience
