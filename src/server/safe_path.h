// Turning a URL path into a file under a root folder without ever leaving it:
// no "." or ".." segment, no hidden segment, no NUL or backslash, and the real
// path (symbolic links resolved) still inside the root's real path.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lofi::server {

enum class PathVerdict {
  Ok,
  Malformed,  // not absolute, NUL, backslash, ".", "..": a request to refuse (400)
  Hidden,     // a segment starting with '.' (.git, .env): treated as absent (404)
};

// Checks an already percent-decoded URL path ("/assets/a.js") segment by segment.
PathVerdict checkUrlPath(std::string_view urlPath);

// The real path of the file `urlPath` names under `rootRealPath` (itself a
// real path, as realRoot() returns), or nothing when the path is not Ok, the
// file does not exist, or its real path lies outside the root (a symbolic
// link pointing out). Directories are returned too; the caller decides.
std::optional<std::string> resolveUnderRoot(const std::string& rootRealPath, std::string_view urlPath);

// The real path of a folder, or nothing if it does not exist.
std::optional<std::string> realRoot(const std::string& folder);

}  // namespace lofi::server
