// Whether composed pieces look like music, by the figures `lofi stats` prints:
// scale consistency, chord-tone ratio on strong beats, no silent bars; and
// whether their labels say what the music does.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "music/composer/key_choice.h"
#include "music/composer/piece.h"
#include "music/composer/piece_score.h"
#include "music/composer/random.h"
#include "music/midi_file.h"
#include "music/score_io.h"
#include "music/stats/chord_spans.h"
#include "music/stats/music_stats.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/scale.h"
#include "music/theory/symbol_error.h"

namespace lofi::composer {
namespace {

constexpr int kPieces = 50;

std::optional<std::vector<int>> readChord(const std::string& text) {
  try {
    return theory::pitchClasses(theory::parseChordSymbol(text));
  } catch (const theory::SymbolError&) {
    return std::nullopt;
  }
}

const std::vector<ComposedPiece>& pieces() {
  static const std::vector<ComposedPiece> all = [] {
    std::vector<ComposedPiece> composed;
    for (int i = 0; i < kPieces; ++i) composed.push_back(composePiece(pieceSeed(2024, static_cast<std::uint64_t>(i))));
    return composed;
  }();
  return all;
}

MusicStats statsOf(const Score& score) { return computeStats(score, chordSpansFromLabels(score, readChord)); }

TEST(ComposedPiece, ScaleConsistencyAboveNinetyPercent) {
  // The set's figure is what `lofi stats` reports; nearly every piece passes
  // on its own too. The few that come close lean on a minor key's leading
  // tone or a tritone substitute, which MusPy's major/minor scales do not hold.
  std::vector<MusicStats> all;
  int above = 0;
  for (const ComposedPiece& piece : pieces()) {
    const MusicStats stats = statsOf(piece.score);
    EXPECT_GT(stats.scaleConsistency, 0.85) << progressionLabel(piece.harmony) << " in " << keyLabel(piece.plan.key);
    above += stats.scaleConsistency > 0.9;
    all.push_back(stats);
  }
  EXPECT_GE(above, kPieces - 1);
  const MusicStats mean = averageStats(all);
  EXPECT_GT(mean.scaleConsistency, 0.95);
  std::printf("mean over %d pieces: scale consistency %.3f, chord-tone ratio %.3f, pitch classes %.2f, "
              "polyphony %.2f, empty beats %.3f, groove %.3f, melodic interval %.2f\n",
              kPieces, mean.scaleConsistency, mean.chordToneRatio.value_or(-1), mean.pitchClassesUsed, mean.polyphony,
              mean.emptyBeatRate, mean.grooveConsistency, mean.averageMelodicInterval);
}

TEST(ComposedPiece, MelodyLandsOnChordTonesOnStrongBeats) {
  int measured = 0;
  for (const ComposedPiece& piece : pieces()) {
    const MusicStats stats = statsOf(piece.score);
    // Unset only if no melody note falls on beat 1 or 3 (a fully syncopated line).
    if (stats.chordToneRatio) {
      EXPECT_GT(*stats.chordToneRatio, 0.8) << progressionLabel(piece.harmony);
    }
    measured += stats.chordToneRatio.has_value();
  }
  EXPECT_GE(measured, kPieces - 2);
}

TEST(ComposedPiece, NoEmptyBarInside) {
  for (const ComposedPiece& piece : pieces()) {
    const MusicStats stats = statsOf(piece.score);
    EXPECT_EQ(stats.emptyBarsInside, 0);
    EXPECT_LT(stats.emptyBeatRate, 0.01);
  }
}
TEST(ComposedPiece, EveryChordMarkerReadsBackAsItsChord) {
  for (const ComposedPiece& piece : pieces()) {
    std::vector<const TextLabel*> markers;
    for (const TextLabel& label : piece.score.labels)
      if (label.metaType == 0x06) markers.push_back(&label);
    ASSERT_EQ(markers.size(), piece.harmony.changes.size());
    for (std::size_t i = 0; i < markers.size(); ++i) {
      const theory::ChordSymbol parsed = theory::parseChordSymbol(markers[i]->text);
      EXPECT_EQ(parsed, piece.harmony.changes[i].chord);
      EXPECT_EQ(theory::toString(parsed), markers[i]->text);  // exactly as theory prints it
      EXPECT_EQ(markers[i]->tick, piece.harmony.changes[i].startStep / kStepsPerBeat * kTicksPerQuarter);
    }
  }
}

TEST(ComposedPiece, KeyTempoAndMeterAreLabelled) {
  for (const ComposedPiece& piece : pieces()) {
    const Score& score = piece.score;
    ASSERT_EQ(score.keySignatures.size(), 1u);
    const theory::Scale signed_ =
        theory::scaleFromKeySignature(score.keySignatures[0].sharps, score.keySignatures[0].minor);
    EXPECT_EQ(signed_, piece.plan.key);
    ASSERT_EQ(score.tempos.size(), 1u);
    const double bpm = score.tempos[0].bpm();
    EXPECT_GE(bpm, 69.99);
    EXPECT_LE(bpm, 90.01);
    ASSERT_EQ(score.timeSignatures.size(), 1u);
    EXPECT_EQ(score.timeSignatures[0].numerator, 4);
    EXPECT_EQ(score.timeSignatures[0].denominator, 4);
    std::set<std::string> texts;
    for (const TextLabel& label : score.labels)
      if (label.metaType == 0x01) texts.insert(label.text);
    EXPECT_TRUE(texts.count(keyLabel(piece.plan.key)));
    EXPECT_TRUE(texts.count(tempoLabel(piece.plan.bpm)));
    EXPECT_TRUE(texts.count("key: " + theory::toString(signed_)));
  }
}

TEST(ComposedPiece, FormIsEightOrSixteenBarsOfThreeParts) {
  std::set<int> lengths;
  for (const ComposedPiece& piece : pieces()) {
    const Score& score = piece.score;
    const int bars = piece.harmony.bars;
    lengths.insert(bars);
    EXPECT_EQ(score.endTick(), static_cast<std::int64_t>(bars) * 4 * kTicksPerQuarter);
    ASSERT_EQ(score.parts.size(), 3u);
    EXPECT_EQ(score.parts[0].name, "Melody");
    EXPECT_EQ(score.parts[1].name, "Chords");
    EXPECT_EQ(score.parts[2].name, "Bass");
    EXPECT_TRUE(score.parts[0].program == kElectricPiano || score.parts[0].program == kVibraphone ||
                score.parts[0].program == kJazzGuitar);
    EXPECT_TRUE(score.parts[1].program == kAcousticPiano || score.parts[1].program == kElectricPiano);
    EXPECT_EQ(score.parts[2].program, kFingeredBass);
    for (const Part& part : score.parts) {
      EXPECT_FALSE(part.notes.empty());
      EXPECT_TRUE(std::is_sorted(part.notes.begin(), part.notes.end(), [](const Note& a, const Note& b) {
        return a.startTick != b.startTick ? a.startTick < b.startTick : a.pitch < b.pitch;
      }));
    }
    // Velocities are humanised: not one value everywhere.
    std::set<int> velocities;
    for (const Note& note : score.parts[0].notes) velocities.insert(note.velocity);
    EXPECT_GT(velocities.size(), 4u);
  }
  EXPECT_EQ(lengths, (std::set<int>{8, 16}));
}

TEST(ComposedPiece, SwungPiecesPutOffBeatEighthsOnTheTriplet) {
  int swung = 0;
  for (const ComposedPiece& piece : pieces()) {
    if (!piece.plan.swing) continue;
    ++swung;
    for (const Part& part : piece.score.parts)
      for (const Note& note : part.notes) {
        const std::int64_t within = note.startTick % kTicksPerQuarter;
        EXPECT_TRUE(within == 0 || within == 320) << part.name << " at tick " << note.startTick;
      }
  }
  EXPECT_GT(swung, 10);
}

TEST(ComposedPiece, WritesAndReadsBackUnchanged) {
  const ComposedPiece& piece = pieces().front();
  const Score read = scoreFromMidi(midi::parse(midi::serialize(midiFromScore(piece.score))));
  ASSERT_EQ(read.parts.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(read.parts[i].name, piece.score.parts[i].name);
    EXPECT_EQ(read.parts[i].program, piece.score.parts[i].program);
    EXPECT_EQ(read.parts[i].notes, piece.score.parts[i].notes);
  }
  EXPECT_EQ(read.labels, piece.score.labels);
  EXPECT_EQ(read.keySignatures, piece.score.keySignatures);
  EXPECT_EQ(read.tempos, piece.score.tempos);
}

}  // namespace
}  // namespace lofi::composer
