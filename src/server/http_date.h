// Dates as HTTP writes them (RFC 9110's IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT").
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace lofi::server {

std::string formatHttpDate(std::time_t time);
// Nothing if the text is not an IMF-fixdate.
std::optional<std::time_t> parseHttpDate(std::string_view text);

}  // namespace lofi::server
