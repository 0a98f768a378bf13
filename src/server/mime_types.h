// Content types by file extension, for the files the page and its assets use.
#pragma once

#include <string>
#include <string_view>

namespace lofi::server {

struct MimeType {
  std::string_view type;  // the Content-Type header's value
  bool compressible;      // text-like: worth gzip; audio, images and fonts are compressed already
};

// By the extension of `path`, case-insensitive; application/octet-stream when unknown.
MimeType mimeTypeFor(std::string_view path);

}  // namespace lofi::server
