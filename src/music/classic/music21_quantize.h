// music21's quantisation arithmetic (Stream.quantize and
// common.nearestMultiple), reproduced in doubles bit for bit: the seed's
// tokens depend on which grid wins near-ties, and music21 decides that with
// float products and errors rounded to 7 decimals.
#pragma once

#include <cstdint>
#include <span>

#include "music/quarter_length.h"

namespace lofi::m21 {

// music21's defaults.quantizationQuarterLengthDivisors: quarters and thirds.
inline constexpr int kDefaultDivisors[] = {4, 3};

// One candidate of Stream.quantize's bestMatch(): the nearest multiple of
// 1/divisor, with music21's float value of it and its rounded error.
struct QuantizeMatch {
  double error = 0;        // |target - match|, rounded to 7 decimals
  double tick = 0;         // 1 / divisor as a float
  double match = 0;        // the multiple as music21 computes it (tick * multiple)
  double signedError = 0;  // target - match, rounded to 7 decimals
  int divisor = 1;
  std::int64_t multiple = 0;  // match == multiple / divisor exactly

  QuarterLength exact() const { return QuarterLength(multiple, divisor); }
};

// Python's round(x, 7): correctly rounded to 7 decimal places.
double roundTo7Decimals(double value);

// common.nearestMultiple(target, 1 / divisor) for target >= 0.
QuantizeMatch nearestMultiple(double target, int divisor);

// The best of nearestMultiple over all divisors, ordered as music21 sorts its
// BestQuantizationMatch tuples: smallest error, then smallest tick (so
// quarters win ties over thirds), then smallest match.
QuantizeMatch bestQuantizationMatch(double target, std::span<const int> divisors);

}  // namespace lofi::m21
