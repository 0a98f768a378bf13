// A 64-bit FNV-1a hash for noticing changed inputs (not for security).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lofi {

class ContentHash {
 public:
  ContentHash& add(std::string_view bytes) {
    for (unsigned char c : bytes) state_ = (state_ ^ c) * 0x100000001B3ull;
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    state_ = (state_ ^ 0xFF) * 0x100000001B3ull;
    return *this;
  }
  ContentHash& add(double number) { return add(std::to_string(number)); }
  std::string hex() const;

 private:
  std::uint64_t state_ = 0xCBF29CE484222325ull;
};

// The hash of a file's bytes; throws std::runtime_error naming it if unreadable.
std::string hashFile(const std::string& path);

}  // namespace lofi
