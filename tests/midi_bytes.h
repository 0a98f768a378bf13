// Building small MIDI files byte by byte for tests.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace lofi::test {

using Bytes = std::vector<std::uint8_t>;

inline Bytes header(int format, int trackCount, int ticksPerQuarter) {
  return {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, static_cast<std::uint8_t>(format), 0,
          static_cast<std::uint8_t>(trackCount), static_cast<std::uint8_t>(ticksPerQuarter >> 8),
          static_cast<std::uint8_t>(ticksPerQuarter & 0xFF)};
}

inline Bytes trackChunk(const Bytes& body) {
  Bytes out = {'M', 'T', 'r', 'k'};
  const auto size = static_cast<std::uint32_t>(body.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(size >> shift));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

}  // namespace lofi::test
