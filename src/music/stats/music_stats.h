// Figures that say whether a piece looks like music: MusPy's definitions of
// pitch range, pitch classes used, pitch-class entropy, scale consistency,
// polyphony, empty-beat rate and groove consistency, plus the chord-tone
// ratio on strong beats and the average melodic interval.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "music/score.h"

namespace lofi {

// A chord known to sound from startTick (inclusive) to endTick (exclusive).
struct SoundingChord {
  std::int64_t startTick = 0;
  std::int64_t endTick = 0;
  std::vector<int> pitchClasses;
};

struct MusicStats {
  int noteCount = 0;
  double pitchRange = 0;             // highest minus lowest pitch, semitones
  double pitchClassesUsed = 0;       // distinct pitch classes, 0-12
  double pitchClassEntropy = 0;      // bits, of the normalised pitch-class histogram
  double scaleConsistency = 0;       // largest share of notes inside one major or minor scale
  double polyphony = 0;              // mean pitches sounding over the steps where any sounds
  double emptyBeatRate = 0;          // share of beats where no pitch sounds
  double grooveConsistency = 0;      // 1 - mean Hamming distance of neighbouring bars' onsets
  int emptyBarsInside = 0;           // silent bars between the first and the last note (set: total)
  std::optional<double> chordToneRatio;  // melody notes on strong beats inside the sounding chord
  double averageMelodicInterval = 0;     // mean absolute step between melody notes, semitones
};

// Time steps per quarter note used by the grid-based figures: 12 holds both
// sixteenths and eighth-note triplets.
inline constexpr int kStatsStepsPerQuarter = 12;

// Drum parts are ignored throughout. The melody is the part named like
// "melody"/"lead"/"solo" if there is one, else the highest note at each onset.
// `chords` empty leaves chordToneRatio unset.
MusicStats computeStats(const Score& score, const std::vector<SoundingChord>& chords = {});

// The melody line the melodic figures use (see computeStats).
std::vector<Note> melodyLine(const Score& score);

// The set's figures: the mean of each figure over the pieces (chordToneRatio
// over the pieces that have one), and the totals of notes and inner empty bars.
MusicStats averageStats(const std::vector<MusicStats>& pieces);

// {"notes", "pitch_range", ..., "chord_tone_ratio" (null when unset), "average_melodic_interval"}
nlohmann::ordered_json toJson(const MusicStats& stats);

}  // namespace lofi
