// gzip with zlib, for responses: the server compresses its text-like answers
// itself (once per static file, kept in memory) instead of letting the HTTP
// library compress every response again.
#pragma once

#include <string>
#include <string_view>

namespace lofi::server {

// The gzip member of `bytes` (RFC 1952) at the given zlib level (1 fast .. 9 small).
std::string gzipCompress(std::string_view bytes, int level = 6);

// Whether an Accept-Encoding header value allows gzip (not "gzip;q=0").
bool acceptsGzip(std::string_view acceptEncoding);

// Below this, compression saves less than a packet.
inline constexpr std::size_t kMinCompressBytes = 1024;

}  // namespace lofi::server
