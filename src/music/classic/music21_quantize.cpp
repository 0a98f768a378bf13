#include "music/classic/music21_quantize.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <tuple>

namespace lofi::m21 {

double roundTo7Decimals(double value) {
  // Fast path: away from a halfway point the scaled product rounds the same
  // way as the exact value, and k / 1e7 is the double nearest to k * 10^-7.
  const double scaled = value * 1e7;
  if (std::fabs(scaled) < 0x1.0p52) {
    const double nearest = std::nearbyint(scaled);
    if (std::fabs(std::fabs(scaled - nearest) - 0.5) > 1e-6) return nearest / 1e7;
  }
  // Near a tie: printf rounds the exact binary value to nearest, ties to
  // even, as Python's round() does through its correctly rounded dtoa.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.7f", value);
  return std::strtod(buffer, nullptr);
}

QuantizeMatch nearestMultiple(double target, int divisor) {
  const double unit = 1.0 / static_cast<double>(divisor);
  const double floorMultiple = std::floor(target / unit);
  const auto multipleLow = static_cast<std::int64_t>(floorMultiple);
  const double matchLow = unit * static_cast<double>(multipleLow);
  const double matchHigh = unit * static_cast<double>(multipleLow + 1);
  const double halfUnit = unit / 2.0;
  QuantizeMatch result;
  result.tick = unit;
  result.divisor = divisor;
  if (matchLow <= target && target <= matchLow + halfUnit) {
    result.match = matchLow;
    result.multiple = multipleLow;
    result.error = roundTo7Decimals(target - matchLow);
    result.signedError = result.error;
  } else {
    result.match = matchHigh;
    result.multiple = multipleLow + 1;
    result.error = roundTo7Decimals(matchHigh - target);
    result.signedError = roundTo7Decimals(target - matchHigh);
  }
  return result;
}

QuantizeMatch bestQuantizationMatch(double target, std::span<const int> divisors) {
  if (divisors.empty()) throw std::invalid_argument("quantisation needs at least one divisor");
  QuantizeMatch best = nearestMultiple(target, divisors[0]);
  for (std::size_t i = 1; i < divisors.size(); ++i) {
    const QuantizeMatch candidate = nearestMultiple(target, divisors[i]);
    const auto key = [](const QuantizeMatch& m) {
      return std::tie(m.error, m.tick, m.match, m.signedError, m.divisor);
    };
    if (key(candidate) < key(best)) best = candidate;
  }
  return best;
}

}  // namespace lofi::m21
