#include "music/transport_time.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace lofi {
namespace {

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  throw std::invalid_argument("transport time '" + std::string(text) + "': " + why);
}

double parseField(std::string_view text, std::string_view field, bool allowFraction) {
  double value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || error != std::errc() || end != field.data() + field.size())
    fail(text, std::string("'").append(field) + "' is not a number");
  if (value < 0 || !std::isfinite(value)) fail(text, "fields must be zero or positive");
  if (!allowFraction && value != std::floor(value)) fail(text, "bars and quarters must be whole numbers");
  return value;
}

}  // namespace

double parseTransportTime(std::string_view text, int quartersPerBar) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t colon; (colon = text.find(':', start)) != std::string_view::npos; start = colon + 1)
    fields.push_back(text.substr(start, colon - start));
  fields.push_back(text.substr(start));
  if (fields.size() != 3) fail(text, "expected bars:quarters:sixteenths");
  const double bars = parseField(text, fields[0], false);
  const double quarters = parseField(text, fields[1], false);
  const double sixteenths = parseField(text, fields[2], true);
  return bars * quartersPerBar + quarters + sixteenths / 4.0;
}

std::string formatTransportTime(double quarters, int quartersPerBar) {
  if (quarters < 0) quarters = 0;
  // Round to a thousandth of a sixteenth first so that 0.99999 does not print as 0:0:3.99999.
  const double totalSixteenths = std::round(quarters * 4.0 * 1000.0) / 1000.0;
  const long long wholeSixteenths = static_cast<long long>(std::floor(totalSixteenths + 1e-9));
  const long long sixteenthsPerBar = 4LL * quartersPerBar;
  const long long bars = wholeSixteenths / sixteenthsPerBar;
  const long long quarter = (wholeSixteenths % sixteenthsPerBar) / 4;
  const double sixteenth = totalSixteenths - static_cast<double>(bars * sixteenthsPerBar + quarter * 4);
  char buffer[64];
  if (std::fabs(sixteenth - std::round(sixteenth)) < 1e-9) {
    std::snprintf(buffer, sizeof buffer, "%lld:%lld:%lld", bars, quarter, std::llround(sixteenth));
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%lld:%.3f", bars, quarter, sixteenth);
    std::string text(buffer);
    while (text.back() == '0') text.pop_back();
    return text;
  }
  return buffer;
}

}  // namespace lofi
