#include "server/http_date.h"

#include <cstring>

namespace lofi::server {

std::string formatHttpDate(std::time_t time) {
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[64];
  // strftime's %a and %b follow LC_TIME; the program never leaves the "C" locale.
  const std::size_t length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return std::string(text, length);
}

std::optional<std::time_t> parseHttpDate(std::string_view text) {
  if (text.size() > 40) return std::nullopt;
  const std::string copy(text);
  std::tm parts{};
  const char* end = strptime(copy.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  if (!end || *end != '\0') return std::nullopt;
  return timegm(&parts);
}

}  // namespace lofi::server
