#include "model/byte_stream.h"

#include <array>
#include <bit>
#include <cstring>

namespace lofi {

static_assert(std::endian::native == std::endian::little, "model files are written on little-endian machines");

void ByteWriter::floats(const float* values, std::size_t count) {
  bytes_.append(reinterpret_cast<const char*>(values), count * sizeof(float));
}

std::string_view ByteReader::take(std::size_t count) {
  if (count > remaining())
    throw TruncatedError("truncated: needs " + std::to_string(count) + " bytes at byte " + std::to_string(offset()) +
                         ", " + std::to_string(remaining()) + " left");
  const std::string_view part = bytes_.substr(position_, count);
  position_ += count;
  return part;
}

std::uint64_t ByteReader::little(int size) {
  const std::string_view part = take(static_cast<std::size_t>(size));
  std::uint64_t value = 0;
  for (int i = 0; i < size; ++i) value |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(part[i])) << (8 * i);
  return value;
}

void ByteReader::floats(float* values, std::size_t count) {
  if (count > remaining() / sizeof(float))
    throw TruncatedError("truncated: needs " + std::to_string(count) + " floats at byte " + std::to_string(offset()));
  const std::string_view part = take(count * sizeof(float));
  std::memcpy(values, part.data(), part.size());
}

std::uint32_t crc32(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> entries{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t value = i;
      for (int bit = 0; bit < 8; ++bit) value = (value & 1) ? 0xEDB88320U ^ (value >> 1) : value >> 1;
      entries[i] = value;
    }
    return entries;
  }();
  std::uint32_t crc = 0xFFFFFFFFU;
  for (unsigned char byte : bytes) crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFU;
}

}  // namespace lofi
