// Little-endian bytes in and out for the model file, with every read checked
// against the end so that a truncated or hostile file is an error, not a crash.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lofi {

class ByteWriter {
 public:
  void u8(std::uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
  void u16(std::uint16_t value) { little(value, 2); }
  void u32(std::uint32_t value) { little(value, 4); }
  void u64(std::uint64_t value) { little(value, 8); }
  void raw(std::string_view bytes) { bytes_.append(bytes); }
  void floats(const float* values, std::size_t count);
  std::string& bytes() { return bytes_; }

 private:
  void little(std::uint64_t value, int size) {
    for (int i = 0; i < size; ++i) bytes_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
  std::string bytes_;
};

// Thrown by ByteReader; the caller adds the file name.
class TruncatedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteReader {
 public:
  ByteReader(std::string_view bytes, std::size_t baseOffset = 0) : bytes_(bytes), base_(baseOffset) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(little(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(little(4)); }
  std::uint64_t u64() { return little(8); }
  std::string_view raw(std::size_t count) { return take(count); }
  void floats(float* values, std::size_t count);
  std::size_t remaining() const { return bytes_.size() - position_; }
  std::size_t offset() const { return base_ + position_; }  // in the whole file
  bool atEnd() const { return position_ == bytes_.size(); }

 private:
  std::string_view take(std::size_t count);
  std::uint64_t little(int size);
  std::string_view bytes_;
  std::size_t position_ = 0;
  std::size_t base_ = 0;
};

std::uint32_t crc32(std::string_view bytes);

}  // namespace lofi
