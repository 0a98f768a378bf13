// Writing files so that a crash or an error never leaves a half-written file.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace lofi {

// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it
// over `path`. Throws std::runtime_error naming the path on any failure, and
// leaves no temporary file behind.
void writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes);
void writeFileAtomically(const std::string& path, std::string_view text);

// Reads a whole file; throws std::runtime_error naming the path if it cannot.
// Refuses files larger than `maxBytes` so that bad input cannot exhaust memory.
std::string readFileToString(const std::string& path, std::size_t maxBytes = std::size_t{1} << 30);

}  // namespace lofi
