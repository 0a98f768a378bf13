#include "music/classic/music21_quantize.h"

#include <gtest/gtest.h>

namespace lofi::m21 {
namespace {

QuarterLength quantized(double quarters) { return bestQuantizationMatch(quarters, kDefaultDivisors).exact(); }

TEST(Music21Quantize, SnapsToTheNearestQuarterOrThirdOfABeat) {
  EXPECT_EQ(quantized(0.26), QuarterLength(1, 4));
  EXPECT_EQ(quantized(0.3), QuarterLength(1, 3));
  EXPECT_EQ(quantized(0.625), QuarterLength(2, 3));  // 2/3 is nearer than 1/2 or 3/4
  EXPECT_EQ(quantized(0.98), QuarterLength(1));
  EXPECT_EQ(quantized(4.01), QuarterLength(4));
}

TEST(Music21Quantize, TiesGoToTheQuarterGrid) {
  // 7/12 lies as far from 1/2 as from 2/3; music21 sorts the finer grid tick first.
  EXPECT_EQ(quantized(7.0 / 12.0), QuarterLength(1, 2));
}

TEST(Music21Quantize, HalfwayOnOneGridRoundsDown) {
  // common.nearestMultiple keeps the lower multiple at exactly half a step.
  EXPECT_EQ(nearestMultiple(0.125, 4).exact(), QuarterLength(0));
  EXPECT_EQ(nearestMultiple(0.375, 4).exact(), QuarterLength(1, 4));
  EXPECT_EQ(nearestMultiple(0.376, 4).exact(), QuarterLength(1, 2));
}

TEST(Music21Quantize, ErrorsAreRoundedToSevenDecimals) {
  EXPECT_DOUBLE_EQ(roundTo7Decimals(0.123456789), 0.1234568);
  EXPECT_DOUBLE_EQ(roundTo7Decimals(2.5e-8), 0.0);  // printf-style: ties to even on the exact binary value
  EXPECT_DOUBLE_EQ(roundTo7Decimals(1.0 / 3.0), 0.3333333);
  const QuantizeMatch third = nearestMultiple(0.3, 3);
  EXPECT_DOUBLE_EQ(third.error, 0.0333333);
}

TEST(Music21Quantize, NoDivisorsIsAnError) {
  EXPECT_THROW(bestQuantizationMatch(1.0, std::span<const int>{}), std::invalid_argument);
}

}  // namespace
}  // namespace lofi::m21
