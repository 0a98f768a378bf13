#include "music/timed/timed_grid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lofi::timed {

bool isSupported(Meter meter) {
  const bool powerOfTwo = meter.denominator > 0 && (meter.denominator & (meter.denominator - 1)) == 0;
  if (meter.numerator < 1 || !powerOfTwo) return false;
  const int whole = meter.numerator * 4 * kUnitsPerQuarter;
  return whole % meter.denominator == 0 && whole / meter.denominator <= kMaxBarUnits;
}

bool isOnsetPosition(int unitsIntoBar) { return unitsIntoBar >= 0 && (unitsIntoBar % 3 == 0 || unitsIntoBar % 4 == 0); }

int snapPosition(double unitsIntoBar, int barUnits) {
  const double clamped = std::clamp(unitsIntoBar, 0.0, static_cast<double>(barUnits));
  const int sixteenth = static_cast<int>(std::lround(clamped / 3.0)) * 3;
  const int triplet = static_cast<int>(std::lround(clamped / 4.0)) * 4;
  const int nearest = std::abs(clamped - triplet) < std::abs(clamped - sixteenth) ? triplet : sixteenth;
  return std::min(nearest, barUnits);
}

const std::vector<int>& durationValues() {
  static const std::vector<int> values = [] {
    std::vector<int> list;
    for (int units = 3; units <= 48; units += 3) list.push_back(units);
    for (int units : {4, 8, 16, 32, 60, 72, 84, 96}) list.push_back(units);
    std::sort(list.begin(), list.end());
    return list;
  }();
  return values;
}

bool isDuration(int units) {
  const auto& values = durationValues();
  return std::binary_search(values.begin(), values.end(), units);
}

int nearestDuration(double units) {
  int best = durationValues().front();
  for (int value : durationValues())
    if (std::abs(units - value) < std::abs(units - best)) best = value;
  return best;
}

int durationAtMost(std::int64_t units) {
  int best = durationValues().front();
  for (int value : durationValues())
    if (value <= units) best = value;
  return best;
}

int quantiseBpm(double bpm) {
  const long rounded = std::lround(bpm / kBpmStep) * kBpmStep;
  return static_cast<int>(std::clamp<long>(rounded, kMinBpm, kMaxBpm));
}

BarLayout::BarLayout(std::vector<MeterChange> changes) : changes_(std::move(changes)) {
  std::stable_sort(changes_.begin(), changes_.end(),
                   [](const MeterChange& a, const MeterChange& b) { return a.unit < b.unit; });
  bars_.push_back({0, meterAt(0.0)});
}

Meter BarLayout::meterAt(double unit) const {
  Meter meter;
  for (const MeterChange& change : changes_) {
    if (change.unit > unit) break;
    meter = change.meter;
  }
  return isSupported(meter) ? meter : Meter{};
}

void BarLayout::extendTo(double unit) {
  while (static_cast<double>(bars_.back().endUnit()) <= unit) {
    if (bars_.size() >= kMaxBars)
      throw std::length_error("the piece is longer than " + std::to_string(kMaxBars) + " bars");
    const std::int64_t start = bars_.back().endUnit();
    bars_.push_back({start, meterAt(static_cast<double>(start))});
  }
}

std::size_t BarLayout::barAt(double unit) {
  extendTo(unit);
  const auto after = std::upper_bound(bars_.begin(), bars_.end(), unit,
                                      [](double u, const Bar& bar) { return u < static_cast<double>(bar.startUnit); });
  return after == bars_.begin() ? 0 : static_cast<std::size_t>(after - bars_.begin() - 1);
}

std::pair<std::size_t, int> BarLayout::snap(double unit) {
  std::size_t index = barAt(std::max(0.0, unit));
  const Bar bar = bars_[index];  // a copy: extendTo may move the bars
  const int position = snapPosition(unit - static_cast<double>(bar.startUnit), bar.meter.barUnits());
  if (position < bar.meter.barUnits()) return {index, position};
  extendTo(static_cast<double>(bar.endUnit()));
  return {index + 1, 0};
}

std::string toString(Meter meter) { return std::to_string(meter.numerator) + "/" + std::to_string(meter.denominator); }

}  // namespace lofi::timed
