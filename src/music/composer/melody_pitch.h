// Which pitches a melody may use over a chord: the stable chord tones for the
// strong beats, and the key's scale bent to fit the chord for the rest.
#pragma once

#include <vector>

#include "music/theory/chord_symbol.h"
#include "music/theory/scale.h"

namespace lofi::composer {

// Root, third (or the sus tone), fifth, sixth or seventh, natural ninth: the
// tones a melody can land and rest on. Pitch classes, sorted.
std::vector<int> stableTones(const theory::ChordSymbol& chord);

// The stable tones that lie in the key, if at least two do; else all of them.
// Over a chromatic chord (a tritone substitute, a borrowed iv, the V7 of a
// minor key) the melody leans on the tones the chord shares with the key, as
// a tritone substitute shares its third and seventh with the dominant.
std::vector<int> landingTones(const theory::ChordSymbol& chord, const theory::Scale& key);

// The key's scale over this chord: a chord tone outside the key (the Ab of a
// borrowed Fm6 in C) joins it, and pushes out the scale tone a semitone above
// it (the A), which would clash.
std::vector<int> chordScale(const theory::ChordSymbol& chord, const theory::Scale& key);

// The MIDI pitch nearest `pitch` whose pitch class is in `pitchClasses`
// (non-empty); on a tie, the one in `preferDirection` (>= 0: up).
int nearestIn(int pitch, const std::vector<int>& pitchClasses, int preferDirection = 0);

// `steps` scale steps from `pitch` (up if positive) through `pitchClasses`;
// a pitch outside the scale first counts to the scale tone in that direction.
int stepThrough(int pitch, int steps, const std::vector<int>& pitchClasses);

bool holds(const std::vector<int>& pitchClasses, int pitch);

}  // namespace lofi::composer
