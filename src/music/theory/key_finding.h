// The key music is in, from how long each pitch class sounds: the major or
// minor key whose Krumhansl-Kessler profile correlates best with the
// durations (Krumhansl, "Cognitive Foundations of Musical Pitch", 1990).
#pragma once

#include <array>
#include <optional>

#include "music/theory/scale.h"

namespace lofi::theory {

// `weights[pc]`: how much pitch class pc sounds (e.g. total quarters). Nothing
// when there is nothing to go on (all weights zero). Tonics are spelled as
// key signatures spell them (Eb major, C# minor).
std::optional<Scale> estimateKey(const std::array<double, 12>& weights);

}  // namespace lofi::theory
