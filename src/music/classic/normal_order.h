// Normal order of a pitch-class set as music21's Chord.normalOrder gives it:
// the set's normal form from the Forte set-class tables, transposed onto the
// set (at the lowest pitch class that fits). For most sets that is the
// rotation with the smallest span, then the smallest intervals from the first
// class, then the lowest first class; music21's tables differ from that rule
// for some inverted classes (C E G G# is 0.4.7.8, not 4.7.8.0), and the seed's
// tokens follow the tables. The result is not transposed: D major stays 2.6.9.
#pragma once

#include <string>
#include <vector>

namespace lofi {

// Takes pitch classes or MIDI numbers; duplicates and octaves are ignored. An
// empty input gives an empty result.
std::vector<int> normalOrder(const std::vector<int>& pitchClasses);

// The seed's chord token: the normal order joined by dots ("11.0.4.7").
std::string normalOrderToken(const std::vector<int>& midiPitches);

}  // namespace lofi
