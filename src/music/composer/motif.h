// Melodic motifs: a bar's rhythm and a contour of scale steps, and the ways a
// melody varies them (inversion, rhythmic displacement, embellishment,
// fragmentation, thinning). Sequence and repetition happen when a motif is placed: see melody.h.
#pragma once

#include <string>
#include <vector>

#include "music/composer/random.h"

namespace lofi::composer {

struct MotifNote {
  int onset = 0;     // steps from the start of the bar, 0-15
  int length = 2;    // steps
  int interval = 0;  // scale steps from the note before (the first note: from the motif's anchor)
  bool operator==(const MotifNote&) const = default;
};

struct Motif {
  std::vector<MotifNote> notes;  // by onset, never overlapping, within one bar
  bool operator==(const Motif&) const = default;
};

struct MotifOptions {
  bool swing = false;  // swung pieces use eighth notes, not sixteenths
  int density = 1;     // 0 sparse, 1 medium, 2 busy
};

// A new motif: two half-bar rhythm cells (often the same one twice), with a
// rest somewhere in the bar, and a mostly stepwise contour that leans one way
// and turns back after a leap.
Motif makeMotif(SeededRandom& random, const MotifOptions& options);

// The contour upside down: each interval negated.
Motif inverted(Motif motif);
// The rhythm moved by `steps` (later if positive); notes pushed out of the
// bar are dropped, or cut at the bar line. A motif left empty stays as it was.
Motif displaced(const Motif& motif, int steps);
// One of the longer notes split in two, the second half a step away.
Motif embellished(const Motif& motif, SeededRandom& random, const MotifOptions& options);
// The motif's head: its first half bar only, then silence (fragmentation).
// A motif whose first half is empty stays whole.
Motif fragment(const Motif& motif);
// One inner note left out (a breath inside the motif); motifs of three notes or less stay whole.
Motif thinned(const Motif& motif, SeededRandom& random);

// "0:2:+0 4:2:-1 ...": onset, length and interval of each note, to compare motifs.
std::string motifSignature(const Motif& motif);

}  // namespace lofi::composer
