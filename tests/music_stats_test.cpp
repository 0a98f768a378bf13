#include "music/stats/music_stats.h"

#include <gtest/gtest.h>

#include "music/stats/chord_spans.h"

namespace lofi {
namespace {

constexpr int kQuarter = 480;

Note quarterNote(int beat, int pitch, int beats = 1) {
  return {beat * kQuarter, (beat + beats) * kQuarter, pitch, 80, 0};
}

Score scoreWith(std::vector<Note> notes, const std::string& name = "") {
  Score score;
  score.ticksPerQuarter = kQuarter;
  Part part;
  part.name = name;
  part.notes = std::move(notes);
  score.parts.push_back(part);
  return score;
}

// C D E F G A B C in quarter notes: two bars of 4/4.
Score majorScale() {
  std::vector<Note> notes;
  const int pitches[] = {60, 62, 64, 65, 67, 69, 71, 72};
  for (int i = 0; i < 8; ++i) notes.push_back(quarterNote(i, pitches[i]));
  return scoreWith(notes);
}

TEST(MusicStats, MajorScaleFigures) {
  const MusicStats stats = computeStats(majorScale());
  EXPECT_EQ(stats.noteCount, 8);
  EXPECT_EQ(stats.pitchRange, 12);
  EXPECT_EQ(stats.pitchClassesUsed, 7);
  // C twice, six others once: -(1/4 log2 1/4 + 6 * 1/8 log2 1/8) = 0.5 + 2.25.
  EXPECT_DOUBLE_EQ(stats.pitchClassEntropy, 2.75);
  EXPECT_DOUBLE_EQ(stats.scaleConsistency, 1.0);
  EXPECT_DOUBLE_EQ(stats.polyphony, 1.0);
  EXPECT_DOUBLE_EQ(stats.emptyBeatRate, 0.0);
  EXPECT_DOUBLE_EQ(stats.grooveConsistency, 1.0);
  EXPECT_EQ(stats.emptyBarsInside, 0);
  EXPECT_DOUBLE_EQ(stats.averageMelodicInterval, 12.0 / 7.0);
  EXPECT_FALSE(stats.chordToneRatio.has_value());
}

TEST(MusicStats, ChromaticNotesLowerScaleConsistency) {
  // No major or minor scale holds three semitones in a row.
  const MusicStats stats = computeStats(scoreWith({quarterNote(0, 60), quarterNote(1, 61), quarterNote(2, 62)}));
  EXPECT_DOUBLE_EQ(stats.scaleConsistency, 2.0 / 3.0);
}

TEST(MusicStats, PolyphonyCountsPitchesWhileAnySounds) {
  // A triad for one beat, then one note for one beat: (3 + 1) / 2.
  const MusicStats stats =
      computeStats(scoreWith({quarterNote(0, 60), quarterNote(0, 64), quarterNote(0, 67), quarterNote(1, 72)}));
  EXPECT_DOUBLE_EQ(stats.polyphony, 2.0);
}

TEST(MusicStats, EmptyBeatsAndBars) {
  // Beat 0 sounds, beats 1-2 are silent, beat 3 sounds; then bar 1 silent, bar 2 sounds.
  const MusicStats stats = computeStats(scoreWith({quarterNote(0, 60), quarterNote(3, 62), quarterNote(8, 64)}));
  EXPECT_DOUBLE_EQ(stats.emptyBeatRate, 6.0 / 9.0);
  EXPECT_EQ(stats.emptyBarsInside, 1);
}

TEST(MusicStats, GrooveConsistencyIsOneMinusMeanHammingDistance) {
  // Bar 0: onsets on beats 1 and 2; bar 1: beat 1 only. One difference in 48 steps.
  const MusicStats stats = computeStats(scoreWith({quarterNote(0, 60), quarterNote(1, 62), quarterNote(4, 64)}));
  EXPECT_DOUBLE_EQ(stats.grooveConsistency, 1.0 - 1.0 / 48.0);
}

TEST(MusicStats, DrumsAreIgnoredForPitchFigures) {
  Score score = majorScale();
  Part drums;
  drums.isDrum = true;
  drums.notes = {quarterNote(0, 36), quarterNote(1, 42)};
  score.parts.push_back(drums);
  const MusicStats stats = computeStats(score);
  EXPECT_EQ(stats.noteCount, 8);
  EXPECT_EQ(stats.pitchRange, 12);
}

TEST(MusicStats, ChordToneRatioOnStrongBeats) {
  // Over C major: E on beat 1 (a chord tone), F on beat 3 (not), D off the strong beats (ignored).
  const Score score = scoreWith({quarterNote(0, 64), quarterNote(1, 62), quarterNote(2, 65)}, "Melody");
  const MusicStats stats = computeStats(score, {{0, 4 * kQuarter, {0, 4, 7}}});
  ASSERT_TRUE(stats.chordToneRatio.has_value());
  EXPECT_DOUBLE_EQ(*stats.chordToneRatio, 0.5);
}

TEST(MusicStats, MelodyIsTheNamedPartElseTheHighestNotes) {
  Score score = scoreWith({quarterNote(0, 48, 4)}, "Bass");
  Part lead;
  lead.name = "Lead";
  lead.notes = {quarterNote(0, 72), quarterNote(1, 74)};
  score.parts.push_back(lead);
  EXPECT_EQ(melodyLine(score).size(), 2u);
  EXPECT_EQ(melodyLine(score)[0].pitch, 72);

  const Score chords = scoreWith({quarterNote(0, 60), quarterNote(0, 67), quarterNote(1, 64), quarterNote(1, 71)});
  const std::vector<Note> skyline = melodyLine(chords);
  ASSERT_EQ(skyline.size(), 2u);
  EXPECT_EQ(skyline[0].pitch, 67);
  EXPECT_EQ(skyline[1].pitch, 71);
}

TEST(MusicStats, SetAveragesFiguresAndTotalsNotes) {
  const MusicStats scale = computeStats(majorScale());
  const MusicStats chromatic = computeStats(scoreWith({quarterNote(0, 60), quarterNote(1, 61), quarterNote(2, 62)}));
  const MusicStats set = averageStats({scale, chromatic});
  EXPECT_EQ(set.noteCount, 11);
  EXPECT_DOUBLE_EQ(set.scaleConsistency, (1.0 + 2.0 / 3.0) / 2.0);
  EXPECT_DOUBLE_EQ(set.pitchRange, 7.0);
}

TEST(ChordSpans, EachChordLabelSoundsUntilTheNext) {
  Score score = majorScale();
  score.labels = {{0, 0x06, "C"}, {960, 0x01, "verse"}, {1920, 0x06, "G"}};
  const auto reader = [](const std::string& text) -> std::optional<std::vector<int>> {
    if (text == "C") return std::vector<int>{0, 4, 7};
    if (text == "G") return std::vector<int>{7, 11, 2};
    return std::nullopt;
  };
  const std::vector<SoundingChord> spans = chordSpansFromLabels(score, reader);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].endTick, 1920);
  EXPECT_EQ(spans[1].startTick, 1920);
  EXPECT_EQ(spans[1].endTick, 8 * kQuarter);
}

}  // namespace
}  // namespace lofi
