// Where the composer's notes fall: it writes on a grid of sixteenth-note
// steps, and a swung piece moves every off-beat eighth to the last third of
// its beat (a triplet feel), as lo-fi and jazz players do.
#pragma once

#include <cstdint>

namespace lofi::composer {

inline constexpr int kTicksPerQuarter = 480;
inline constexpr int kStepsPerBeat = 4;
inline constexpr int kBeatsPerBar = 4;  // the corpus is all in 4/4
inline constexpr int kStepsPerBar = kStepsPerBeat * kBeatsPerBar;

// A note as the composer writes it, in sixteenth steps.
struct StepNote {
  int startStep = 0;
  int endStep = 0;  // exclusive, > startStep
  int pitch = 60;
  int velocity = 80;
};

// The tick of a step. Straight: 120 ticks a step. Swung: the second eighth of
// each beat starts at 2/3 of the beat (320 ticks), and the odd sixteenths sit
// on the triplet grid (160 and 400 ticks).
std::int64_t tickOfStep(int step, bool swing);

// Steps counted from the start of the bar: 0 and 8 are the strong beats of 4/4.
inline int positionInBar(int step) { return ((step % kStepsPerBar) + kStepsPerBar) % kStepsPerBar; }
inline bool isStrongStep(int step) { return positionInBar(step) % 8 == 0; }
inline bool isBeatStep(int step) { return positionInBar(step) % kStepsPerBeat == 0; }

}  // namespace lofi::composer
