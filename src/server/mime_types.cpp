#include "server/mime_types.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace lofi::server {
namespace {

struct Entry {
  std::string_view extension;
  MimeType mime;
};

// JavaScript is text/javascript (RFC 9239); a module script with another type is refused by browsers.
constexpr std::array kTypes{
    Entry{"html", {"text/html; charset=utf-8", true}},
    Entry{"htm", {"text/html; charset=utf-8", true}},
    Entry{"js", {"text/javascript; charset=utf-8", true}},
    Entry{"mjs", {"text/javascript; charset=utf-8", true}},
    Entry{"css", {"text/css; charset=utf-8", true}},
    Entry{"json", {"application/json", true}},
    Entry{"map", {"application/json", true}},
    Entry{"webmanifest", {"application/manifest+json", true}},
    Entry{"txt", {"text/plain; charset=utf-8", true}},
    Entry{"md", {"text/markdown; charset=utf-8", true}},
    Entry{"xml", {"application/xml", true}},
    Entry{"svg", {"image/svg+xml", true}},
    Entry{"wasm", {"application/wasm", true}},
    Entry{"mid", {"audio/midi", true}},
    Entry{"midi", {"audio/midi", true}},
    Entry{"wav", {"audio/wav", false}},
    Entry{"ogg", {"audio/ogg", false}},
    Entry{"oga", {"audio/ogg", false}},
    Entry{"opus", {"audio/ogg", false}},
    Entry{"mp3", {"audio/mpeg", false}},
    Entry{"m4a", {"audio/mp4", false}},
    Entry{"flac", {"audio/flac", false}},
    Entry{"png", {"image/png", false}},
    Entry{"jpg", {"image/jpeg", false}},
    Entry{"jpeg", {"image/jpeg", false}},
    Entry{"gif", {"image/gif", false}},
    Entry{"webp", {"image/webp", false}},
    Entry{"avif", {"image/avif", false}},
    Entry{"ico", {"image/x-icon", false}},
    Entry{"woff", {"font/woff", false}},
    Entry{"woff2", {"font/woff2", false}},
    Entry{"ttf", {"font/ttf", true}},
    Entry{"otf", {"font/otf", true}},
};

}  // namespace

MimeType mimeTypeFor(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return {"application/octet-stream", false};
  std::string extension(path.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const Entry& entry : kTypes)
    if (entry.extension == extension) return entry.mime;
  return {"application/octet-stream", false};
}

}  // namespace lofi::server
