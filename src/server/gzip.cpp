#include "server/gzip.h"

#include <zlib.h>

#include <cctype>
#include <stdexcept>

namespace lofi::server {

std::string gzipCompress(std::string_view bytes, int level) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: cannot initialise zlib");
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const std::size_t written = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("gzip: compression failed");
  out.resize(written);
  return out;
}

bool acceptsGzip(std::string_view header) {
  std::size_t start = 0;
  while (start < header.size()) {
    const std::size_t end = std::min(header.find(',', start), header.size());
    std::string_view item = header.substr(start, end - start);
    start = end + 1;
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
    const std::size_t semicolon = item.find(';');
    std::string_view coding = item.substr(0, semicolon);
    while (!coding.empty() && std::isspace(static_cast<unsigned char>(coding.back()))) coding.remove_suffix(1);
    if (coding != "gzip" && coding != "x-gzip" && coding != "*") continue;
    if (semicolon == std::string_view::npos) return true;
    // "q=0", "q=0.0", "q=0.000" refuse it; any other weight accepts it.
    std::string_view parameter = item.substr(semicolon + 1);
    while (!parameter.empty() && std::isspace(static_cast<unsigned char>(parameter.front()))) parameter.remove_prefix(1);
    if (parameter.substr(0, 2) != "q=") return true;
    parameter.remove_prefix(2);
    bool zero = !parameter.empty();
    for (char c : parameter)
      if (c != '0' && c != '.' && !std::isspace(static_cast<unsigned char>(c))) zero = false;
    if (!zero) return true;
  }
  return false;
}

}  // namespace lofi::server
