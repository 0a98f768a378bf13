#include "server/body_framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lofi::server {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A header value or a byte as it may be quoted in a message: printable, not too long.
std::string inQuotes(std::string_view text) {
  std::string shown;
  for (char c : text.substr(0, 40)) shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  return "'" + shown + (text.size() > 40 ? "...'" : "'");
}

std::string lowerTrimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

bool isChunked(const httplib::Headers& headers) {
  const auto found = headers.find("Transfer-Encoding");
  return headers.count("Transfer-Encoding") == 1 && lowerTrimmed(found->second) == "chunked";
}

bool saysNoBody(const httplib::Headers& headers) {
  return headers.count("Content-Length") == 0 && headers.count("Transfer-Encoding") == 0;
}

std::optional<FramingError> bodyFramingError(const httplib::Headers& headers, std::uint64_t maxBodyBytes) {
  const std::size_t lengths = headers.count("Content-Length");
  if (headers.count("Transfer-Encoding") > 0) {
    if (!isChunked(headers))
      return FramingError{400, "Transfer-Encoding " + inQuotes(headers.find("Transfer-Encoding")->second) +
                                   " is not supported: send the body with a Content-Length, or with "
                                   "Transfer-Encoding: chunked alone"};
    if (lengths > 0) return FramingError{400, "a request may not have both Content-Length and Transfer-Encoding"};
    return std::nullopt;
  }
  if (lengths > 1) return FramingError{400, "Content-Length is given more than once"};
  if (lengths == 0) return std::nullopt;
  const std::string& text = headers.find("Content-Length")->second;
  std::uint64_t length = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    return FramingError{400, "Content-Length " + inQuotes(text) + " is not a number of bytes"};
  if (length > maxBodyBytes)
    return FramingError{413, "the request body of " + text + " bytes is larger than the " +
                                 std::to_string(maxBodyBytes) + " bytes a request may have"};
  return std::nullopt;
}

bool ChunkedBodyCheck::fail(std::string problem) {
  state_ = State::Broken;
  problem_ = std::move(problem);
  return false;
}

bool ChunkedBodyCheck::feed(std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    const char c = bytes[at];
    switch (state_) {
      case State::Size: {
        const int digit = hexValue(c);
        if (digit >= 0) {
          if (chunkBytes_ > maxChunkBytes_ / 16 || chunkBytes_ * 16 + static_cast<std::uint64_t>(digit) > maxChunkBytes_)
            return fail("a chunk is larger than the " + std::to_string(maxChunkBytes_) + " bytes a request may have");
          chunkBytes_ = chunkBytes_ * 16 + static_cast<std::uint64_t>(digit);
          ++sizeDigits_;
        } else if (sizeDigits_ == 0) {
          return fail("a chunk size is not a hexadecimal number: it starts with " + inQuotes(std::string_view(&c, 1)));
        } else if (c == ';' || c == ' ' || c == '\t') {
          state_ = State::Extension;
        } else if (c == '\r') {
          state_ = State::SizeLf;
        } else if (c == '\n') {
          state_ = chunkBytes_ == 0 ? State::TrailerLine : State::Data;
        } else {
          return fail("a chunk size is not a hexadecimal number: it goes on with " + inQuotes(std::string_view(&c, 1)));
        }
        break;
      }
      case State::Extension:
        if (c == '\r') state_ = State::SizeLf;
        else if (c == '\n') state_ = chunkBytes_ == 0 ? State::TrailerLine : State::Data;
        break;
      case State::SizeLf:
        if (c != '\n') return fail("a chunk size line does not end with CRLF");
        state_ = chunkBytes_ == 0 ? State::TrailerLine : State::Data;
        break;
      case State::Data: {
        const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(chunkBytes_, bytes.size() - at));
        chunkBytes_ -= take;
        at += take - 1;
        if (chunkBytes_ == 0) state_ = State::DataCr;
        break;
      }
      case State::DataCr:
        if (c != '\r') return fail("a chunk's data is longer than its size");
        state_ = State::DataLf;
        break;
      case State::DataLf:
        if (c != '\n') return fail("a chunk's data is longer than its size");
        state_ = State::Size;
        sizeDigits_ = 0;
        break;
      case State::TrailerLine:  // the start of a trailer line, or of the empty line that ends the body
        state_ = c == '\r' ? State::TrailerLf : c == '\n' ? State::Done : State::TrailerText;
        break;
      case State::TrailerText:
        if (c == '\n') state_ = State::TrailerLine;
        break;
      case State::TrailerLf:
        if (c != '\n') return fail("the chunked body does not end with CRLF");
        state_ = State::Done;
        break;
      case State::Done: return true;
      case State::Broken: return false;
    }
  }
  return state_ != State::Broken;
}

}  // namespace lofi::server
