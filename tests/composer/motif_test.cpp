#include "music/composer/motif.h"

#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <set>

#include "music/composer/time_grid.h"

namespace lofi::composer {
namespace {

void expectWellFormed(const Motif& motif, bool swing) {
  ASSERT_FALSE(motif.notes.empty());
  int end = 0;
  for (const MotifNote& note : motif.notes) {
    EXPECT_GE(note.onset, end) << motifSignature(motif);  // in order, never overlapping
    EXPECT_GT(note.length, 0);
    EXPECT_LE(note.onset + note.length, kStepsPerBar);
    if (swing) {
      EXPECT_EQ(note.onset % 2, 0) << motifSignature(motif);  // eighth-note grid
      EXPECT_EQ(note.length % 2, 0) << motifSignature(motif);
    }
    end = note.onset + note.length;
  }
}

int contourSum(const Motif& motif) {
  int sum = 0;
  for (const MotifNote& note : motif.notes) sum += note.interval;
  return sum;
}

TEST(Motif, NewMotifsAreShortBarLongAndMostlyStepwise) {
  SeededRandom random(1);
  int steps = 0, intervals = 0;
  for (int i = 0; i < 500; ++i) {
    const bool swing = i % 2 == 0;
    const Motif motif = makeMotif(random, {swing, i % 3});
    expectWellFormed(motif, swing);
    EXPECT_GE(motif.notes.size(), 3u);
    EXPECT_LE(motif.notes.size(), 8u);
    EXPECT_EQ(motif.notes.front().interval, 0);
    for (std::size_t n = 1; n < motif.notes.size(); ++n) {
      const int size = std::abs(motif.notes[n].interval);
      EXPECT_LE(size, 4);
      steps += size <= 1;
      ++intervals;
    }
  }
  EXPECT_GT(steps, intervals / 2);  // more steps and repeats than skips and leaps
}

TEST(Motif, MotifsDiffer) {
  SeededRandom random(2);
  std::set<std::string> signatures;
  for (int i = 0; i < 200; ++i) signatures.insert(motifSignature(makeMotif(random, {false, 1})));
  EXPECT_GT(signatures.size(), 180u);
}

TEST(Motif, InversionMirrorsTheContour) {
  const Motif motif{{{0, 2, 0}, {2, 2, 1}, {4, 4, 2}, {8, 8, -1}}};
  const Motif upsideDown = inverted(motif);
  ASSERT_EQ(upsideDown.notes.size(), 4u);
  EXPECT_EQ(upsideDown.notes[1].interval, -1);
  EXPECT_EQ(upsideDown.notes[2].interval, -2);
  EXPECT_EQ(upsideDown.notes[3].interval, 1);
  EXPECT_EQ(upsideDown.notes[3].onset, 8);  // the rhythm stays
  EXPECT_EQ(inverted(upsideDown), motif);
}

TEST(Motif, DisplacementShiftsTheRhythmWithinTheBar) {
  const Motif motif{{{0, 2, 0}, {4, 2, 1}, {12, 4, -1}}};
  const Motif later = displaced(motif, 2);
  EXPECT_EQ(later, (Motif{{{2, 2, 0}, {6, 2, 1}, {14, 2, -1}}}));  // the last note is cut at the bar line
  const Motif muchLater = displaced(motif, 6);
  EXPECT_EQ(muchLater, (Motif{{{6, 2, 0}, {10, 2, 1}}}));  // pushed out of the bar: dropped
  EXPECT_EQ(displaced(motif, 16), motif);  // nothing left: unchanged
}

TEST(Motif, EmbellishmentSplitsANoteAndKeepsTheLandingPitches) {
  SeededRandom random(3);
  for (int i = 0; i < 200; ++i) {
    const bool swing = i % 2 == 0;
    const Motif motif = makeMotif(random, {swing, 1});
    const Motif richer = embellished(motif, random, {swing, 1});
    expectWellFormed(richer, swing);
    bool canSplit = false;
    for (const MotifNote& note : motif.notes) canSplit = canSplit || note.length >= (swing ? 4 : 2);
    if (!canSplit) {
      EXPECT_EQ(richer, motif);
      continue;
    }
    EXPECT_EQ(richer.notes.size(), motif.notes.size() + 1);
    // Every original onset keeps its pitch (scale steps from the anchor).
    const auto pitchAt = [](const Motif& m) {
      std::map<int, int> pitches;
      int offset = 0;
      for (const MotifNote& note : m.notes) pitches[note.onset] = offset += note.interval;
      return pitches;
    };
    const auto before = pitchAt(motif);
    const auto after = pitchAt(richer);
    for (const auto& [onset, pitch] : before) EXPECT_EQ(after.at(onset), pitch) << motifSignature(richer);
    EXPECT_EQ(richer.notes.back().onset + richer.notes.back().length,
              motif.notes.back().onset + motif.notes.back().length);
  }
}

TEST(Motif, ThinningDropsAnInnerNoteAndKeepsTheOthersPitches) {
  SeededRandom random(4);
  const Motif motif{{{0, 2, 0}, {2, 2, 1}, {4, 2, 1}, {6, 2, -2}, {8, 4, 1}}};
  const Motif thinner = thinned(motif, random);
  ASSERT_EQ(thinner.notes.size(), 4u);
  EXPECT_EQ(thinner.notes.front(), motif.notes.front());
  EXPECT_EQ(thinner.notes.back().onset, 8);
  EXPECT_EQ(contourSum(thinner), contourSum(motif));
  const Motif three{{{0, 2, 0}, {2, 2, 1}, {4, 2, 1}}};
  EXPECT_EQ(thinned(three, random), three);
}

TEST(Motif, SignatureSpellsTheNotes) {
  EXPECT_EQ(motifSignature(Motif{{{0, 2, 0}, {6, 4, -1}}}), "0:2:+0 6:4:-1");
}

}  // namespace
}  // namespace lofi::composer
