// The JSON side of the server: answers and errors as JSON, handlers wrapped
// so that any error becomes a JSON answer (never a crash or a bare 500), and
// request bodies read within a limit and parsed as one JSON object.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "server/api_error.h"

namespace lofi::server {

// Requests larger than this are refused with 413: every API body is small.
inline constexpr std::size_t kMaxJsonBodyBytes = 16 * 1024;
// Deeper nesting than any API body needs is refused before parsing.
inline constexpr int kMaxJsonDepth = 8;

void sendJson(const httplib::Request& request, httplib::Response& response, int status, const nlohmann::json& body);
// {"error": message, "field": field?}
void sendError(const httplib::Request& request, httplib::Response& response, int status, const std::string& message,
               const std::string& field = {});

using GetHandler = std::function<void(const httplib::Request&, httplib::Response&)>;
using BodyHandler = std::function<void(const httplib::Request&, httplib::Response&, const std::string& body)>;

// Runs the handler; an ApiError becomes its status and message, anything
// else a 500 with the message, and the API's paths never cache.
httplib::Server::Handler guardedGet(GetHandler handler);
// Reads the body (at most `maxBytes`, see readBody) first, then as guardedGet.
httplib::Server::HandlerWithContentReader guardedPost(BodyHandler handler, std::size_t maxBytes = kMaxJsonBodyBytes);

// Reads a request body through the library's content reader, keeping at most
// `maxBytes`: anything beyond is read and dropped, so the connection stays in
// step for the next request, and then ApiError 413 is thrown. Form uploads
// (multipart) are drained the same way and refused with 415.
std::string readBody(const httplib::Request& request, httplib::Response& response,
                     const httplib::ContentReader& reader, std::size_t maxBytes);

// Parses a body that must be one JSON object. Throws ApiError 415 if the
// Content-Type is given and is not JSON, 400 naming the byte where the JSON is
// malformed, too deep, or not an object.
nlohmann::json parseJsonObject(const httplib::Request& request, std::string_view body);

}  // namespace lofi::server
