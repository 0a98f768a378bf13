// How a request says where its body ends (Content-Length, or
// Transfer-Encoding: chunked), checked before and while the body is read.
// cpp-httplib 0.11.4 believes whatever it is told: a Content-Length of -1 or
// 2^64 reads as 2^64 - 1 bytes, a Transfer-Encoding other than plain
// `chunked` (`gzip, chunked`) or none at all as a body that ends when the
// client closes, a negative chunk size as a huge one; each then waits for
// bytes that never come until the read timeout. Here such requests are
// refused at once, and a request with neither header has no body
// (RFC 9112, 6.3).
#pragma once

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lofi::server {

struct FramingError {
  int status = 400;  // 413 for a body larger than the server reads at all
  std::string message;
};

// What is wrong with the request's Content-Length and Transfer-Encoding, if
// anything. `maxBodyBytes`: a declared length beyond it is refused (413).
std::optional<FramingError> bodyFramingError(const httplib::Headers& headers, std::uint64_t maxBodyBytes);

bool isChunked(const httplib::Headers& headers);   // Transfer-Encoding: chunked
bool saysNoBody(const httplib::Headers& headers);  // neither Content-Length nor Transfer-Encoding

// Follows a chunked body byte by byte as it is read, and stops at the first
// chunk-size line that is not a hexadecimal number, or names a chunk larger
// than `maxChunkBytes`, or at chunk data not followed by CRLF.
class ChunkedBodyCheck {
 public:
  explicit ChunkedBodyCheck(std::uint64_t maxChunkBytes) : maxChunkBytes_(maxChunkBytes) {}

  // False once the framing is broken. Bytes after the body's end are not looked at.
  bool feed(std::string_view bytes);
  bool broken() const { return state_ == State::Broken; }
  bool finished() const { return state_ == State::Done; }
  const std::string& problem() const { return problem_; }

 private:
  enum class State { Size, Extension, SizeLf, Data, DataCr, DataLf, TrailerLine, TrailerText, TrailerLf, Done, Broken };
  bool fail(std::string problem);

  std::uint64_t maxChunkBytes_;
  State state_ = State::Size;
  std::uint64_t chunkBytes_ = 0;  // the chunk's size, then what is left of it
  int sizeDigits_ = 0;
  std::string problem_;
};

}  // namespace lofi::server
