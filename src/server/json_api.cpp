#include "server/json_api.h"

#include <cctype>
#include <cstdio>

#include "server/response_body.h"

namespace lofi::server {
namespace {

// Deepest nesting of objects and arrays, strings skipped; stops counting past `limit`.
int nestingDepth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool inString = false, escaped = false;
  for (char c : text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') inString = true;
    else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == '}' || c == ']') --depth;
  }
  return deepest;
}

bool isJsonContentType(const std::string& value) {
  std::string type = value.substr(0, value.find(';'));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json" || (type.size() > 5 && type.ends_with("+json"));
}

void runGuarded(const httplib::Request& request, httplib::Response& response, const std::function<void()>& body) {
  response.set_header("Cache-Control", "no-store");
  try {
    body();
  } catch (const ApiError& error) {
    if (error.status() == 503) response.set_header("Retry-After", "1");
    sendError(request, response, error.status(), error.what(), error.field());
  } catch (const std::bad_alloc&) {
    sendError(request, response, 503, "out of memory for this request");
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi serve: %s %s: %s\n", request.method.c_str(), request.path.c_str(), error.what());
    sendError(request, response, 500, std::string("internal error: ") + error.what());
  }
}

}  // namespace

void sendJson(const httplib::Request& request, httplib::Response& response, int status, const nlohmann::json& body) {
  // Text from a query string may be invalid UTF-8: replaced, never a throw.
  std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  ignoreRanges(request);
  sendContent(request, response, status, std::move(text), "application/json", true);
}

void sendError(const httplib::Request& request, httplib::Response& response, int status, const std::string& message,
               const std::string& field) {
  nlohmann::json body = {{"error", message}};
  if (!field.empty()) body["field"] = field;
  sendJson(request, response, status, body);
}

httplib::Server::Handler guardedGet(GetHandler handler) {
  return [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
    runGuarded(request, response, [&] { handler(request, response); });
  };
}

httplib::Server::HandlerWithContentReader guardedPost(BodyHandler handler, std::size_t maxBytes) {
  return [handler = std::move(handler), maxBytes](const httplib::Request& request, httplib::Response& response,
                                                  const httplib::ContentReader& reader) {
    runGuarded(request, response, [&] {
      const std::string body = readBody(request, response, reader, maxBytes);
      handler(request, response, body);
    });
  };
}

std::string readBody(const httplib::Request& request, httplib::Response& response,
                     const httplib::ContentReader& reader, std::size_t maxBytes) {
  std::string body;
  bool tooLarge = false;
  const auto keep = [&](const char* data, std::size_t length) {
    if (body.size() + length > maxBytes) tooLarge = true;
    if (!tooLarge) body.append(data, length);
    return true;  // drain the rest: the connection must stay in step
  };
  if (request.is_multipart_form_data()) {
    reader([](const httplib::MultipartFormData&) { return true; }, keep);
    throw ApiError(415, "a form upload was sent; send a JSON object with Content-Type: application/json");
  }
  const bool complete = reader(keep);
  // Over the library's own limit it skips the body and sets 413 itself.
  if (tooLarge || response.status == 413)
    throw ApiError(413, "the request body is larger than " + std::to_string(maxBytes) + " bytes");
  if (!complete) throw ApiError(400, "the request body could not be read");
  return body;
}

nlohmann::json parseJsonObject(const httplib::Request& request, std::string_view body) {
  if (request.has_header("Content-Type") && !isJsonContentType(request.get_header_value("Content-Type")))
    throw ApiError(415, "Content-Type must be application/json, not '" + request.get_header_value("Content-Type") + "'");
  if (nestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth)
    throw ApiError(400, "the JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  nlohmann::json json;
  std::string field;  // the top-level field being read, to name it in an error
  const auto noteField = [&field](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::key && depth == 1) field = parsed.get<std::string>();
    return true;
  };
  try {
    json = nlohmann::json::parse(body, noteField);
  } catch (const nlohmann::json::out_of_range& error) {
    // A number beyond a double (1e309, -1e309): what() ends "number overflow parsing '1e309'".
    const std::string what = error.what();
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    std::string number = open < close ? what.substr(open + 1, close - open - 1) : "a number";
    if (number.size() > 40) number = number.substr(0, 37) + "...";
    throw ApiError(400, (field.empty() ? std::string("the JSON") : "field '" + field + "'") + ": " + number +
                            " is too large (numbers must lie within +-1.8e308)", field);
  } catch (const nlohmann::json::parse_error& error) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
      throw ApiError(400, "the request body is empty; expected a JSON object");
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 9: ...".
    const std::string what = error.what();
    const std::size_t bracket = what.find("] ");
    throw ApiError(400, "malformed JSON (byte " + std::to_string(error.byte) + "): " +
                            (bracket == std::string::npos ? what : what.substr(bracket + 2)));
  }
  if (!json.is_object()) throw ApiError(400, std::string("the request body must be a JSON object, not ") + json.type_name());
  return json;
}

}  // namespace lofi::server
