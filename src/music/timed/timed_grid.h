// The rhythmic grid of the timed encoding: time in units of a twelfth of a
// quarter note (48 to a 4/4 bar), onsets on sixteenths and eighth-note
// triplets, a fixed set of note lengths, and bars laid out from the meters.
// See docs/encodings.md, "Timed".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lofi::timed {

// A twelfth of a quarter: a sixteenth is 3 units, an eighth-note triplet 4.
inline constexpr int kUnitsPerQuarter = 12;
inline constexpr int kMaxBarUnits = 96;  // two 4/4 bars (8/4, 16/8)
// Far beyond any song; stops a stray event at tick 2^31 from laying out millions of bars.
inline constexpr std::size_t kMaxBars = 20000;
inline constexpr int kMinBpm = 30;
inline constexpr int kMaxBpm = 240;
inline constexpr int kBpmStep = 5;

struct Meter {
  int numerator = 4;
  int denominator = 4;
  int barUnits() const { return numerator * 4 * kUnitsPerQuarter / denominator; }
  bool operator==(const Meter&) const = default;
};

// Whether `meter` is a MIDI meter (power-of-two denominator) whose bars are a
// whole number of units, at most kMaxBarUnits.
bool isSupported(Meter meter);

// Onsets fall on sixteenths or eighth-note triplets: multiples of 3 or 4 units.
bool isOnsetPosition(int unitsIntoBar);
// The nearest onset position to an exact time in a bar; may equal
// `barUnits` (the next bar's downbeat). On a tie the sixteenth wins.
int snapPosition(double unitsIntoBar, int barUnits);

// The note lengths the encoding knows, in units, ascending: every sixteenth
// multiple up to a whole note (3, 6, ..., 48), the triplets 4, 8, 16 and 32,
// and 60, 72, 84, 96 (five to eight quarters).
const std::vector<int>& durationValues();
bool isDuration(int units);
// The nearest known length (a tie goes to the shorter); longer than 96 gives 96.
int nearestDuration(double units);
// The longest known length not above `units`, but at least the shortest (3).
int durationAtMost(std::int64_t units);

// Tempo rounded to kBpmStep and kept within kMinBpm-kMaxBpm.
int quantiseBpm(double bpm);

struct Bar {
  std::int64_t startUnit = 0;
  Meter meter;
  std::int64_t endUnit() const { return startUnit + meter.barUnits(); }
};

struct MeterChange {
  double unit = 0.0;
  Meter meter;
};

// Bars from the start of the piece. A meter change takes effect at the first
// barline at or after it, so a change in mid-bar never shortens a bar and
// every onset keeps its exact time. Unsupported meters give 4/4 bars.
class BarLayout {
 public:
  explicit BarLayout(std::vector<MeterChange> changes);
  // Lays out bars until one holds `unit`; throws std::length_error past kMaxBars.
  void extendTo(double unit);
  // The bar holding `unit` (extending the layout as needed).
  std::size_t barAt(double unit);
  // The nearest grid point to an exact time, as (bar index, position in bar).
  std::pair<std::size_t, int> snap(double unit);
  const std::vector<Bar>& bars() const { return bars_; }

 private:
  Meter meterAt(double unit) const;
  std::vector<MeterChange> changes_;
  std::vector<Bar> bars_;
};

std::string toString(Meter meter);

}  // namespace lofi::timed
