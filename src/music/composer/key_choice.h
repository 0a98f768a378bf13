// The key of a piece: any of the twelve tonics, major or minor, spelled as its
// key signature spells it, and the labels that record it in the file.
#pragma once

#include <string>

#include "music/composer/random.h"
#include "music/score.h"
#include "music/theory/scale.h"

namespace lofi::composer {

// The key signature (sharps > 0, flats < 0) that holds each tonic once:
// majors from Db (5 flats) to F# (6 sharps), minors from Eb (6 flats) to G# (5 sharps).
inline constexpr int kLowestMajorSignature = -5;
inline constexpr int kLowestMinorSignature = -6;

// One of the twelve keys of the mode, equally likely.
theory::Scale chooseKey(SeededRandom& random, bool minor);

// The key-signature event of a major or natural-minor key.
KeySignature keySignatureOf(const theory::Scale& key);

// "key: F minor", the text label that names the key in the file.
std::string keyLabel(const theory::Scale& key);

}  // namespace lofi::composer
