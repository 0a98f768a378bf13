// Chord symbols as notes to play: close, drop-2 and rootless voicings in a
// chosen register, each chord voiced to move as little as possible from the
// one before.
#pragma once

#include <span>
#include <vector>

#include "music/theory/chord_symbol.h"

namespace lofi::theory {

enum class VoicingStyle {
  Close,     // the tones within an octave, root included
  Drop2,     // a four-note close voicing with its second-highest note dropped an octave
  Rootless,  // no root; the 9 stands in for it (jazz piano A/B voicings: 3-5-7-9, 7-9-3-5)
};

struct VoicingOptions {
  VoicingStyle style = VoicingStyle::Close;
  // The register of the voicing (MIDI numbers). Below about C3 close
  // intervals turn to mud, so that is the default floor.
  int lowest = 48;   // C3
  int highest = 81;  // A5
  int maxVoices = 4;  // 2-8: tones beyond it are left out, least important first
  // Adds the bass (the slash bass, else the root) in its own register below.
  // Without it a slash chord still gets its bass as the lowest note.
  bool withBass = false;
  int bassLowest = 36;   // C2
  int bassHighest = 47;  // B2
};

// The tones a voicing keeps, as pitch classes above the root, most important
// first: third (or sus tone), seventh (or sixth), root (not in rootless
// voicings, where a 9 replaces it), altered tones, extensions from the
// highest, altered fifth, perfect fifth.
std::vector<int> voicingTones(const ChordSymbol& chord, VoicingStyle style, int maxVoices);

// The voicing of a first chord: nearest the middle of the register. MIDI
// numbers, ascending. Throws std::invalid_argument on an impossible range.
std::vector<int> voiceChord(const ChordSymbol& chord, const VoicingOptions& options = {});

// The voicing of `next` that moves least from `previous` (ties: nearer the
// middle of the register).
std::vector<int> voiceLead(const ChordSymbol& next, std::span<const int> previous,
                           const VoicingOptions& options = {});

// Each chord voice-led from the one before.
std::vector<std::vector<int>> voiceProgression(std::span<const ChordSymbol> chords,
                                               const VoicingOptions& options = {});

// Total movement in semitones between two voicings: voices paired in order
// from the bottom; when the counts differ a voice may split or merge, paired
// the cheapest way that keeps the order.
int voiceMovement(std::span<const int> from, std::span<const int> to);

}  // namespace lofi::theory
