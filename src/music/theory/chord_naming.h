// Naming a chord from the notes that sound: the most plausible root and
// quality. The timed encoding uses it to label harmony in files that carry
// no chord symbols of their own.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "music/theory/chord_symbol.h"

namespace lofi::theory {

// How much each pitch class sounds (for example, its total duration).
using PitchClassWeights = std::array<double, 12>;

// Which chord qualities a name may use; each level holds the ones before it.
enum class ChordVocabulary {
  Triads,    // major, minor, dim, aug, sus2, sus4, power chord
  Sevenths,  // + 6, m6, 7, maj7, m7, m7b5, dim7, mMaj7, 7sus4
  Extended,  // + add9, madd9, 6/9, 9, maj9, m9, m11, 13, 7b9, 7#9, maj7#11, 9sus4
};

struct NamingOptions {
  ChordVocabulary vocabulary = ChordVocabulary::Extended;
  bool slashBass = true;                // name inversions as slash chords (C/E)
  Spelling spelling = Spelling::LeadSheet;
  // A pitch class sounds if its weight reaches this share of the heaviest one;
  // lighter ones count as passing tones.
  double presentShare = 0.25;
  // Below this score nothing is named (a melody line, a cluster).
  double minimumScore = 0.4;
};

struct ChordCandidate {
  ChordSymbol chord;
  double score = 0.0;  // higher is more plausible; about 1 for a complete chord with its root in the bass
};

// Every candidate whose root sounds, best first, at most `count`.
//
// The score rewards the weight the chord explains and a root in the bass,
// and charges the weight it leaves out, the chord tones that are missing
// (a missing third or seventh more than a missing perfect fifth) and each
// tone a chord adds, so that the simplest chord that explains the notes wins.
std::vector<ChordCandidate> rankChords(const PitchClassWeights& weights, std::optional<int> bassPitchClass,
                                       std::size_t count, const NamingOptions& options = {});

// The best candidate, or nothing if fewer than two pitch classes sound or no
// chord scores `minimumScore`.
std::optional<ChordSymbol> nameChord(const PitchClassWeights& weights, std::optional<int> bassPitchClass,
                                     const NamingOptions& options = {});

// From MIDI note numbers, each weighing the same; the lowest is the bass.
std::optional<ChordSymbol> nameChord(std::span<const int> midiNotes, const NamingOptions& options = {});

}  // namespace lofi::theory
