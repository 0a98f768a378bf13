// Writing a response body: gzip when the client takes it and it pays, and
// always through a content provider, so that the HTTP library neither copies
// the bytes nor compresses them again (it would use brotli at its slowest
// setting for every JSON answer otherwise).
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <string_view>

namespace lofi::server {

// An encoded body and the Content-Encoding it has ("" for none).
struct EncodedBody {
  std::shared_ptr<const std::string> bytes;
  std::string_view contentEncoding;
};

// Compresses dynamic content (JSON, MIDI) for this request when worth it.
EncodedBody encodeForRequest(const httplib::Request& request, std::string bytes, bool compressible);

// Sets the status, type, encoding headers and body. `status` < 0 leaves the
// status to the library (206 for a range of a static file).
void sendBody(httplib::Response& response, int status, std::string_view contentType, EncodedBody body,
              bool variesByEncoding);

// Makes the library answer with the whole body whatever Range the client
// asked for. Needed for every answer but a static file's: the library applies
// a range to any body, and one past the end of a short answer (an error)
// gives a nonsense Content-Length that leaves the client waiting.
void ignoreRanges(const httplib::Request& request);

// The usual case: encodes for the request and sends.
void sendContent(const httplib::Request& request, httplib::Response& response, int status, std::string bytes,
                 std::string_view contentType, bool compressible);

}  // namespace lofi::server
