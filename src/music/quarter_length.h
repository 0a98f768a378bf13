// Exact musical time in quarter notes, as a reduced fraction.
//
// music21 keeps offsets and durations as floats when they are binary
// fractions and as Fractions otherwise (1/3, 2/3...). After quantisation every
// value is a multiple of 1/4 or 1/3 of a quarter, so an exact rational type
// reproduces its arithmetic without rounding surprises.
#pragma once

#include <compare>
#include <cstdint>
#include <numeric>
#include <string>

namespace lofi {

class QuarterLength {
 public:
  constexpr QuarterLength() = default;
  constexpr QuarterLength(std::int64_t whole) : num_(whole) {}  // NOLINT: integers are quarter lengths
  constexpr QuarterLength(std::int64_t numerator, std::int64_t denominator) : num_(numerator), den_(denominator) {
    normalise();
  }

  constexpr std::int64_t numerator() const { return num_; }
  constexpr std::int64_t denominator() const { return den_; }
  double toDouble() const { return static_cast<double>(num_) / static_cast<double>(den_); }
  std::string toString() const { return den_ == 1 ? std::to_string(num_) : std::to_string(num_) + "/" + std::to_string(den_); }

  friend constexpr QuarterLength operator+(QuarterLength a, QuarterLength b) {
    const std::int64_t g = std::gcd(a.den_, b.den_);
    return QuarterLength(a.num_ * (b.den_ / g) + b.num_ * (a.den_ / g), a.den_ / g * b.den_);
  }
  friend constexpr QuarterLength operator-(QuarterLength a, QuarterLength b) { return a + QuarterLength(-b.num_, b.den_); }
  friend constexpr QuarterLength operator*(QuarterLength a, QuarterLength b) {
    return QuarterLength(a.num_ * b.num_, a.den_ * b.den_);
  }
  QuarterLength& operator+=(QuarterLength other) { return *this = *this + other; }
  QuarterLength& operator-=(QuarterLength other) { return *this = *this - other; }

  friend constexpr bool operator==(QuarterLength a, QuarterLength b) { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend constexpr std::strong_ordering operator<=>(QuarterLength a, QuarterLength b) {
    // Denominators stay small (tick resolutions, 3, 4), so the products fit.
    return a.num_ * b.den_ <=> b.num_ * a.den_;
  }

 private:
  constexpr void normalise() {
    if (den_ < 0) {
      num_ = -num_;
      den_ = -den_;
    }
    const std::int64_t g = std::gcd(num_ < 0 ? -num_ : num_, den_);
    if (g > 1) {
      num_ /= g;
      den_ /= g;
    }
  }

  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

inline QuarterLength max(QuarterLength a, QuarterLength b) { return a < b ? b : a; }
inline QuarterLength min(QuarterLength a, QuarterLength b) { return b < a ? b : a; }

}  // namespace lofi
