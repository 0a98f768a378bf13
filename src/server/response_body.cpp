#include "server/response_body.h"

#include "server/gzip.h"

namespace lofi::server {

EncodedBody encodeForRequest(const httplib::Request& request, std::string bytes, bool compressible) {
  if (compressible && bytes.size() >= kMinCompressBytes && acceptsGzip(request.get_header_value("Accept-Encoding"))) {
    std::string compressed = gzipCompress(bytes, 6);
    if (compressed.size() < bytes.size()) return {std::make_shared<const std::string>(std::move(compressed)), "gzip"};
  }
  return {std::make_shared<const std::string>(std::move(bytes)), ""};
}

void sendBody(httplib::Response& response, int status, std::string_view contentType, EncodedBody body,
              bool variesByEncoding) {
  if (status >= 0) response.status = status;
  if (!body.contentEncoding.empty()) response.set_header("Content-Encoding", std::string(body.contentEncoding));
  if (variesByEncoding) response.set_header("Vary", "Accept-Encoding");
  const std::size_t size = body.bytes->size();
  if (size == 0) {  // a provider of nothing would leave out Content-Length
    response.set_content(std::string(), std::string(contentType));
    return;
  }
  auto bytes = std::move(body.bytes);
  response.set_content_provider(
      size, std::string(contentType),
      [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        if (offset > bytes->size()) return false;
        return sink.write(bytes->data() + offset, std::min(length, bytes->size() - offset));
      });
}

void ignoreRanges(const httplib::Request& request) {
  // The library hands its own mutable request object over as const.
  const_cast<httplib::Request&>(request).ranges.clear();
}

void sendContent(const httplib::Request& request, httplib::Response& response, int status, std::string bytes,
                 std::string_view contentType, bool compressible) {
  EncodedBody body = encodeForRequest(request, std::move(bytes), compressible);
  sendBody(response, status, contentType, std::move(body), compressible);
}

}  // namespace lofi::server
