#include "music/classic/normal_order.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace lofi {
namespace {

using Classes = std::vector<int>;

TEST(NormalOrder, TriadsAndSeventhsAreNotTransposed) {
  EXPECT_EQ(normalOrderToken({60, 64, 67}), "0.4.7");      // C major
  EXPECT_EQ(normalOrderToken({62, 66, 69}), "2.6.9");      // D major
  EXPECT_EQ(normalOrderToken({60, 64, 67, 71}), "11.0.4.7");  // Cmaj7
  EXPECT_EQ(normalOrderToken({62, 65, 69, 72}), "9.0.2.5");   // Dm7
  EXPECT_EQ(normalOrderToken({60, 63, 67}), "0.3.7");      // C minor
}

TEST(NormalOrder, VoicingAndDoublingsDoNotMatter) {
  EXPECT_EQ(normalOrderToken({48, 60}), "0");  // an octave doubling is a one-class chord
  EXPECT_EQ(normalOrderToken({55, 64, 72, 76}), "0.4.7");
  EXPECT_EQ(normalOrder({2, 14, 26}), Classes{2});
}

TEST(NormalOrder, SmallestSpanWins) {
  // Of the rotations of {0, 7}, 7-0 spans a fourth and 0-7 a fifth.
  EXPECT_EQ(normalOrder({0, 7}), (Classes{7, 0}));
  // First inversion of A minor, voiced widely: A C E.
  EXPECT_EQ(normalOrder({52, 69, 72}), (Classes{9, 0, 4}));
}

TEST(NormalOrder, EqualSpansAreBrokenByTheIntervalsFromTheFirstClass) {
  // Cmaj7: 11.0.4.7 and 4.7.11.0 both span 8; B-C is the smaller first interval.
  EXPECT_EQ(normalOrder({0, 4, 7, 11}), (Classes{11, 0, 4, 7}));
  // 6-Z29: two rotations span 9; 0,1,... packs tighter than 6,8,...
  EXPECT_EQ(normalOrder({0, 1, 3, 6, 8, 9}), (Classes{0, 1, 3, 6, 8, 9}));
  // 5-20 as music21 lists it (0,1,3,7,8), found here transposed to 5.
  EXPECT_EQ(normalOrder({0, 1, 5, 6, 8}), (Classes{5, 6, 8, 0, 1}));
}

TEST(NormalOrder, SymmetricSetsStartOnTheLowestClass) {
  EXPECT_EQ(normalOrder({4, 8, 0}), (Classes{0, 4, 8}));         // augmented triad
  EXPECT_EQ(normalOrder({2, 5, 8, 11}), (Classes{2, 5, 8, 11}));  // diminished seventh
  EXPECT_EQ(normalOrder({6, 0}), (Classes{0, 6}));                // tritone
}

TEST(NormalOrder, InvertedClassesFollowMusic21Tables) {
  // music21 stores an inverted class as its prime form mirrored, which is not
  // always the rotation packed most to the left: C E G G# is 0.4.7.8 (4-19B),
  // C E- E G# is 8.0.3.4 (4-19A).
  EXPECT_EQ(normalOrder({0, 4, 7, 8}), (Classes{0, 4, 7, 8}));
  EXPECT_EQ(normalOrder({0, 3, 4, 8}), (Classes{8, 0, 3, 4}));
  EXPECT_EQ(normalOrder({0, 4, 6, 7, 8}), (Classes{0, 4, 6, 7, 8}));  // 5-13B
}

TEST(NormalOrder, Music21DocumentedExamples) {
  EXPECT_EQ(normalOrder({70, 74, 77}), (Classes{10, 2, 5}));                // B-4 D5 F5
  EXPECT_EQ(normalOrder({44, 45, 50, 55}), (Classes{7, 8, 9, 2}));          // G#2 A2 D3 G3
  EXPECT_EQ(normalOrder({55, 62, 68, 69, 72, 76}), (Classes{7, 8, 9, 0, 2, 4}));  // G3 D4 A-4 A4 C5 E5
  EXPECT_EQ(normalOrder({53, 57, 61}), (Classes{1, 5, 9}));                 // E#3 A3 C#4
  EXPECT_EQ(normalOrder({62, 69, 78, 86}), (Classes{2, 6, 9}));             // D4 A4 F#5 D6
}

TEST(NormalOrder, EverySetGetsARotationOfItsSortedClasses) {
  for (int mask = 1; mask < 4096; ++mask) {
    Classes sorted;
    for (int pc = 0; pc < 12; ++pc)
      if (mask & (1 << pc)) sorted.push_back(pc);
    const Classes order = normalOrder(sorted);
    ASSERT_EQ(order.size(), sorted.size()) << mask;
    const auto first = std::find(sorted.begin(), sorted.end(), order.front());
    ASSERT_NE(first, sorted.end()) << mask;
    Classes rotated(first, sorted.end());
    rotated.insert(rotated.end(), sorted.begin(), first);
    EXPECT_EQ(order, rotated) << mask;
  }
}

TEST(NormalOrder, EmptyInputGivesEmptyOrder) {
  EXPECT_TRUE(normalOrder({}).empty());
  EXPECT_EQ(normalOrderToken({}), "");
}

}  // namespace
}  // namespace lofi
