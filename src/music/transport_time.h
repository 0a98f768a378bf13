// Musical time as Tone.js Transport reads it: "bars:quarters:sixteenths",
// counted from zero ("2:1:0" is the third bar, second beat). The one place
// where such strings are read and written.
#pragma once

#include <string>
#include <string_view>

namespace lofi {

// Quarter notes from the start. Sixteenths may be fractional ("0:0:1.5");
// throws std::invalid_argument naming the text if it is not of that form.
double parseTransportTime(std::string_view text, int quartersPerBar = 4);

// The inverse; sixteenths are written with at most three decimals.
std::string formatTransportTime(double quarters, int quartersPerBar = 4);

}  // namespace lofi
