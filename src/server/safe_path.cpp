#include "server/safe_path.h"

#include <climits>
#include <cstdlib>
#include <memory>

namespace lofi::server {
namespace {

std::optional<std::string> realPathOf(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr), &std::free);
  if (!resolved) return std::nullopt;
  return std::string(resolved.get());
}

}  // namespace

PathVerdict checkUrlPath(std::string_view urlPath) {
  if (urlPath.empty() || urlPath.front() != '/') return PathVerdict::Malformed;
  if (urlPath.find('\0') != std::string_view::npos || urlPath.find('\\') != std::string_view::npos)
    return PathVerdict::Malformed;
  bool hidden = false;
  std::size_t start = 1;
  while (start <= urlPath.size()) {
    const std::size_t end = std::min(urlPath.find('/', start), urlPath.size());
    const std::string_view segment = urlPath.substr(start, end - start);
    if (segment == "." || segment == "..") return PathVerdict::Malformed;
    if (!segment.empty() && segment.front() == '.') hidden = true;
    start = end + 1;
  }
  return hidden ? PathVerdict::Hidden : PathVerdict::Ok;
}

std::optional<std::string> resolveUnderRoot(const std::string& rootRealPath, std::string_view urlPath) {
  if (checkUrlPath(urlPath) != PathVerdict::Ok) return std::nullopt;
  // Only ever appended to the root: the URL path starts with '/' and has no
  // "." or ".." segment, so the joined text names a place below the root...
  const std::optional<std::string> real = realPathOf(rootRealPath + std::string(urlPath));
  if (!real) return std::nullopt;
  // ...until symbolic links are followed, hence the check on the real path.
  if (*real != rootRealPath && real->compare(0, rootRealPath.size() + 1, rootRealPath + "/") != 0)
    return std::nullopt;
  return real;
}

std::optional<std::string> realRoot(const std::string& folder) { return realPathOf(folder); }

}  // namespace lofi::server
