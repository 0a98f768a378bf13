// Normal order of a pitch-class set (Forte): of all rotations of the sorted
// classes, take the one with the smallest span; break ties by the smallest
// interval from the first class to the second, then to the third, and so on;
// if still tied (symmetric sets), take the lowest starting class. The result
// is not transposed: D major stays 2.6.9.
#pragma once

#include <string>
#include <vector>

namespace lofi {

// Duplicates and octaves are ignored; an empty input gives an empty result.
std::vector<int> normalOrder(const std::vector<int>& pitchClasses);

// The seed's chord token: the normal order joined by dots ("11.0.4.7").
std::string normalOrderToken(const std::vector<int>& midiPitches);

}  // namespace lofi
