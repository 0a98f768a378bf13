#include "music/timed/timed_grid.h"

#include <gtest/gtest.h>

#include "music/timed/timed_chords.h"

namespace lofi::timed {
namespace {

TEST(TimedGrid, MetersAreSupportedWhenTheirBarsFitTheGrid) {
  EXPECT_TRUE(isSupported({4, 4}));
  EXPECT_TRUE(isSupported({7, 8}));
  EXPECT_TRUE(isSupported({5, 16}));
  EXPECT_TRUE(isSupported({8, 4}));
  EXPECT_FALSE(isSupported({9, 4}));   // longer than 8 quarters
  EXPECT_FALSE(isSupported({4, 3}));   // not a MIDI meter
  EXPECT_FALSE(isSupported({3, 32}));  // a bar of 4.5 units
  EXPECT_FALSE(isSupported({0, 4}));
  EXPECT_EQ((Meter{6, 8}).barUnits(), 36);
  EXPECT_EQ(toString(Meter{12, 8}), "12/8");
}

TEST(TimedGrid, OnsetsFallOnSixteenthsAndTriplets) {
  for (int position : {0, 3, 4, 6, 8, 9, 12, 16, 20, 21, 44, 45}) EXPECT_TRUE(isOnsetPosition(position)) << position;
  for (int position : {1, 2, 5, 7, 10, 11, 13, 46, 47, -3}) EXPECT_FALSE(isOnsetPosition(position)) << position;
}

TEST(TimedGrid, SnapToTheNearestPosition) {
  EXPECT_EQ(snapPosition(0.4, 48), 0);
  EXPECT_EQ(snapPosition(3.4, 48), 3);
  EXPECT_EQ(snapPosition(3.6, 48), 4);
  EXPECT_EQ(snapPosition(7.6, 48), 8);
  EXPECT_EQ(snapPosition(10.0, 48), 9);   // 1 from 9, 2 from 8
  EXPECT_EQ(snapPosition(11.0, 48), 12);
  EXPECT_EQ(snapPosition(15.5, 48), 15);  // halfway between 15 and 16: the sixteenth wins
  EXPECT_EQ(snapPosition(15.6, 48), 16);
  EXPECT_EQ(snapPosition(47.6, 48), 48);  // the next downbeat
  EXPECT_EQ(snapPosition(-2.0, 48), 0);
  EXPECT_EQ(snapPosition(20.8, 21), 21);  // a 7/16 bar
}

TEST(TimedGrid, DurationsAreAFixedSet) {
  const auto& values = durationValues();
  EXPECT_EQ(values.size(), 24u);
  EXPECT_EQ(values.front(), 3);
  EXPECT_EQ(values.back(), 96);
  EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));
  for (int units : {3, 4, 6, 8, 9, 12, 16, 18, 32, 33, 48, 60, 96}) EXPECT_TRUE(isDuration(units)) << units;
  for (int units : {0, 1, 2, 5, 7, 10, 50, 97}) EXPECT_FALSE(isDuration(units)) << units;
}

TEST(TimedGrid, NearestDuration) {
  EXPECT_EQ(nearestDuration(0.0), 3);
  EXPECT_EQ(nearestDuration(5.9), 6);
  EXPECT_EQ(nearestDuration(4.4), 4);
  EXPECT_EQ(nearestDuration(5.0), 4);  // a tie between 4 and 6 goes to the shorter
  EXPECT_EQ(nearestDuration(23.5), 24);
  EXPECT_EQ(nearestDuration(53.0), 48);
  EXPECT_EQ(nearestDuration(500.0), 96);
}

TEST(TimedGrid, DurationAtMost) {
  EXPECT_EQ(durationAtMost(1), 3);
  EXPECT_EQ(durationAtMost(5), 4);
  EXPECT_EQ(durationAtMost(12), 12);
  EXPECT_EQ(durationAtMost(59), 48);
  EXPECT_EQ(durationAtMost(1000), 96);
}

TEST(TimedGrid, TempoSteps) {
  EXPECT_EQ(quantiseBpm(72.4), 70);
  EXPECT_EQ(quantiseBpm(87.5), 90);
  EXPECT_EQ(quantiseBpm(120.0), 120);
  EXPECT_EQ(quantiseBpm(10.0), kMinBpm);
  EXPECT_EQ(quantiseBpm(400.0), kMaxBpm);
}

TEST(TimedGrid, BarsFollowTheMeters) {
  BarLayout layout({{0.0, {3, 4}}, {72.0, {6, 8}}});
  layout.extendTo(150.0);
  const auto& bars = layout.bars();
  ASSERT_GE(bars.size(), 4u);
  EXPECT_EQ(bars[0].startUnit, 0);
  EXPECT_EQ(bars[1].startUnit, 36);
  EXPECT_EQ(bars[2].startUnit, 72);
  EXPECT_EQ(bars[2].meter, (Meter{6, 8}));
  EXPECT_EQ(bars[3].startUnit, 108);
  EXPECT_EQ(layout.barAt(71.9), 1u);
  EXPECT_EQ(layout.barAt(72.0), 2u);
}

TEST(TimedGrid, AMeterChangeInMidBarWaitsForTheNextBarline) {
  BarLayout layout({{0.0, {4, 4}}, {30.0, {3, 4}}});
  layout.extendTo(100.0);
  const auto& bars = layout.bars();
  EXPECT_EQ(bars[0].meter, (Meter{4, 4}));
  EXPECT_EQ(bars[1].startUnit, 48);
  EXPECT_EQ(bars[1].meter, (Meter{3, 4}));
  EXPECT_EQ(bars[2].startUnit, 84);
}

TEST(TimedGrid, UnsupportedMetersGiveFourFourBars) {
  BarLayout layout(std::vector<MeterChange>{{0.0, {15, 4}}});
  EXPECT_EQ(layout.bars()[0].meter, (Meter{4, 4}));
}

TEST(TimedGrid, SnapReturnsBarAndPosition) {
  BarLayout layout(std::vector<MeterChange>{});
  EXPECT_EQ(layout.snap(50.2), (std::pair<std::size_t, int>{1, 3}));
  EXPECT_EQ(layout.snap(95.8), (std::pair<std::size_t, int>{2, 0}));
  EXPECT_EQ(layout.bars().size(), 3u);
}

TEST(TimedGrid, LayingOutTooManyBarsThrows) {
  BarLayout layout(std::vector<MeterChange>{});
  EXPECT_THROW(layout.extendTo(1e12), std::length_error);
  EXPECT_LE(layout.bars().size(), kMaxBars);
}

TEST(TimedChords, LabelsThatHoldChordSymbols) {
  EXPECT_EQ(chordLabelSymbol("Cm7"), "Cm7");
  EXPECT_EQ(chordLabelSymbol("  C#m7\n"), "Dbm7");
  EXPECT_EQ(chordLabelSymbol("chord: Gbmaj7"), "F#maj7");
  EXPECT_EQ(chordLabelSymbol("Chord Bb13"), "Bb13");
  EXPECT_EQ(chordLabelSymbol("N.C."), kNoChord);
  EXPECT_EQ(chordLabelSymbol("By J. Smith"), "");
  EXPECT_EQ(chordLabelSymbol("Bass"), "");
  EXPECT_EQ(chordLabelSymbol(""), "");
  EXPECT_EQ(chordLabelSymbol("chord"), "");
}

TEST(TimedChords, FitIsTheShareOfNoteLengthInTheChord) {
  TimedPiece piece;
  piece.bars = {{{4, 4}, 80.0}, {{4, 4}, 80.0}};
  piece.notes = {{0, 12, 60}, {12, 12, 62}, {48, 24, 67}, {72, 24, 61}};
  piece.chords = {{0, "C"}, {48, kNoChord}};
  EXPECT_DOUBLE_EQ(chordFit(piece), 0.5);  // C fits, D does not; the rest has no chord
  piece.chords = {{48, "C"}};
  EXPECT_DOUBLE_EQ(chordFit(piece), 0.5);  // only notes from the first chord on count
  piece.chords.clear();
  EXPECT_DOUBLE_EQ(chordFit(piece), 1.0);
}

}  // namespace
}  // namespace lofi::timed
