#include "server/http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <functional>
#include <thread>

#include "server/body_framing.h"
#include "server/bounded_server.h"
#include "server/connection_pool.h"
#include "server/generate_handler.h"
#include "server/generation_service.h"
#include "server/json_api.h"
#include "server/mood_handler.h"
#include "server/response_body.h"
#include "server/server_context.h"
#include "server/speak_handler.h"
#include "server/static_files.h"
#include "server/status_handlers.h"
#include "server/work_gate.h"

namespace lofi::server {
namespace {

struct Endpoint {
  const char* path;
  const char* method;
};

// Every API endpoint, for the 405 answers that list what a path allows.
constexpr std::array kEndpoints{
    Endpoint{"/api/health", "GET"},     Endpoint{"/api/info", "GET"},        Endpoint{"/api/mood", "POST"},
    Endpoint{"/api/generate", "POST"},  Endpoint{"/api/generate.mid", "GET"}, Endpoint{"/api/render.ogg", "GET"},
    Endpoint{"/api/speak", "POST"},
};

std::string allowedMethods(const std::string& path) {
  std::string allowed;
  for (const Endpoint& endpoint : kEndpoints)
    if (path == endpoint.path) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(endpoint.method);
      if (std::string(endpoint.method) == "GET") allowed += ", HEAD";
    }
  return allowed;
}

std::string endpointList() {
  std::string list;
  for (const Endpoint& endpoint : kEndpoints) list += (list.empty() ? "" : ", ") + std::string(endpoint.method) + " " + endpoint.path;
  return list;
}

// A request no route took: 405 naming the allowed methods for a known API
// path, else 404.
void answerUnrouted(const httplib::Request& request, httplib::Response& response) {
  const std::string allowed = allowedMethods(request.path);
  if (!allowed.empty()) {
    response.set_header("Allow", allowed);
    sendError(request, response, 405, request.method + " is not allowed on " + request.path + "; use " + allowed);
  } else if (request.path.starts_with("/api/") || request.path == "/api") {
    sendError(request, response, 404, "no API endpoint " + request.path + " (endpoints: " + endpointList() + ")");
  } else {
    sendError(request, response, 404, "no file " + request.path);
  }
}

// For bodies sent where none is read: the body is read within the API's limit
// and dropped, so that the library never collects an unbounded body itself,
// and then `answer` answers as if there had been none.
httplib::Server::HandlerWithContentReader drainThenAnswer(httplib::Server::Handler answer) {
  return [answer = std::move(answer)](const httplib::Request& request, httplib::Response& response,
                                      const httplib::ContentReader& reader) {
    try {
      readBody(request, response, reader, kMaxJsonBodyBytes);
    } catch (const ApiError&) {
      // too large or a form: the answer is the same
    }
    response.status = -1;  // whatever the library set while reading
    answer(request, response);
  };
}

bool bodyAlreadySet(const httplib::Response& response) {
  return !response.body.empty() || response.content_length_ > 0 || response.content_provider_;
}

// For the errors the library detects before any route runs.
const char* reasonPhrase(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "URI too long";
    case 415: return "unsupported media type";
    case 416: return "range not satisfiable";
    case 417: return "expectation failed";
    case 431: return "request header fields too large";
    case 501: return "not implemented";
    case 503: return "service unavailable";
    default: return status < 500 ? "client error" : "server error";
  }
}

std::string describeException(std::exception_ptr error) {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& caught) {
    return caught.what();
  } catch (...) {
  }
  return "unknown error";
}

}  // namespace

int ServerContext::computeThreads() const {
  if (options.computeThreads > 0) return options.computeThreads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

struct HttpServer::Impl {
  ServerContext context;
  BoundedServer http;
  std::unique_ptr<WorkGate> audioGate;  // speech and rendering
  std::unique_ptr<GenerationService> generation;
  std::unique_ptr<TrackRenderer> renderer;
  std::string noGeneration;  // why generation is off, when it is
  int port = -1;
  std::vector<std::string> warnings;

  void configure();
  void addStaticRoutes();
  void addFallbackRoutes();
  void addUnavailableGenerateRoutes();
};

// Without a model the page, moods and speech still work; generation says why it cannot.
void HttpServer::Impl::addUnavailableGenerateRoutes() {
  const auto unavailable = [this](const httplib::Request& request, httplib::Response& response) {
    sendError(request, response, 503, "generation is not available: " + noGeneration);
  };
  http.Post("/api/generate", drainThenAnswer(unavailable));
  http.Get("/api/generate.mid", unavailable);
  http.Get("/api/render.ogg", unavailable);
}

void HttpServer::Impl::configure() {
  // Without TCP_NODELAY small answers wait for the peer's delayed ACK (Nagle):
  // about 40 ms each, a 200-fold loss of throughput on keep-alive connections.
  http.set_tcp_nodelay(true);
  // The library's default socket options set SO_REUSEPORT, with which a
  // second server binds a port in use and takes half its connections. With
  // SO_REUSEADDR alone a port in use is refused, and a restart still binds at
  // once while the last run's connections linger in TIME_WAIT.
  http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // The library closes a connection after 5 requests unless told otherwise.
  http.set_keep_alive_max_count(1'000'000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  // Bodies over this are skipped unread by the library (413); the API's own limit is lower.
  http.set_payload_max_length(1 << 20);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  const std::size_t threads = static_cast<std::size_t>(std::max(4, context.options.connectionThreads));
  http.new_task_queue = [threads] { return new ConnectionPool(threads, threads); };

  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    // A body whose end is unknown is never read (see bounded_server.h).
    if (const auto framing = bodyFramingError(request.headers, kMaxRequestBytes)) {
      sendError(request, response, framing->status, framing->message);
      return httplib::Server::HandlerResponse::Handled;
    }
    static const std::array kMethods{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    if (std::find(kMethods.begin(), kMethods.end(), request.method) == kMethods.end()) {
      sendError(request, response, 501, "method " + request.method + " is not supported");
      return httplib::Server::HandlerResponse::Handled;
    }
    // Byte ranges are honoured for static files, one range at a time: the
    // library would otherwise build a multipart answer of every range asked
    // (hundreds of copies of a file) or cut a JSON answer. The request object
    if (request.ranges.size() > 1 || request.path.starts_with("/api/")) ignoreRanges(request);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_exception_handler([](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
    const std::string what = describeException(error);
    std::fprintf(stderr, "lofi serve: %s %s: %s\n", request.method.c_str(), request.path.c_str(), what.c_str());
    sendError(request, response, 500, "internal error: " + what);
  });
  // Errors the library answers itself (bad request line, 413, 414, 416...)
  // get a JSON body too; answers that already have one keep it.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& request,
                                                                  httplib::Response& response) {
    if (bodyAlreadySet(response)) return httplib::Server::HandlerResponse::Unhandled;
    sendError(request, response, response.status, std::to_string(response.status) + " " + reasonPhrase(response.status));
    return httplib::Server::HandlerResponse::Handled;
  }));
  if (context.options.logRequests)
    http.set_logger([](const httplib::Request& request, const httplib::Response& response) {
      std::fprintf(stderr, "%s %s %d\n", request.method.c_str(), request.path.c_str(), response.status);
    });
}

void HttpServer::Impl::addStaticRoutes() {
  http.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    if (request.path.starts_with("/api/") || request.path == "/api") return answerUnrouted(request, response);
    switch (context.files->serve(request, response)) {
      case StaticFiles::Outcome::Served: return;
      case StaticFiles::Outcome::BadPath:
        return sendError(request, response, 400, "refused path " + request.path + ": '.' and '..' segments, "
                                                 "backslashes and NUL bytes are not allowed");
      case StaticFiles::Outcome::NotFound: return answerUnrouted(request, response);
    }
  });
}

void HttpServer::Impl::addFallbackRoutes() {
  const auto unrouted = drainThenAnswer(answerUnrouted);
  http.Post(".*", unrouted);
  http.Put(".*", unrouted);
  http.Patch(".*", unrouted);
  http.Delete(".*", unrouted);
  http.Options(".*", [](const httplib::Request& request, httplib::Response& response) {
    answerUnrouted(request, response);
  });
}

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  ServerContext& context = impl_->context;
  context.options = std::move(options);
  context.files = std::make_unique<StaticFiles>(std::vector<StaticRoot>{
      {"/", context.options.webFolder, true},
      {"/assets/", context.options.assetsFolder, false},
  });
  for (const StaticRoot& missing : context.files->missingRoots())
    impl_->warnings.push_back(missing.urlPrefix == "/"
                                  ? "no web page at " + missing.folder + " (build it: make run, or npm run build in web/)"
                                  : "no assets at " + missing.folder + " (write them: lofi assets --out " + missing.folder + ")");
  impl_->configure();
  impl_->audioGate = std::make_unique<WorkGate>(context.computeThreads(), 4 * context.computeThreads() + 8);
  std::function<nlohmann::json()> modelInfo;
  BatcherOptions batching;
  batching.workers = context.computeThreads();
  batching.maxBatch = context.options.maxBatch;
  batching.window = std::chrono::microseconds(context.options.batchWindowMicroseconds);
  try {
    impl_->generation = std::make_unique<GenerationService>(context.options.modelPath, batching);
    impl_->renderer = std::make_unique<TrackRenderer>();
    GenerationService* generation = impl_->generation.get();
    modelInfo = [generation] { return generation->info(); };
    addGenerateRoutes(impl_->http, context, *impl_->generation, *impl_->renderer, *impl_->audioGate);
  } catch (const std::exception& error) {
    if (!context.options.modelPath.empty()) throw;  // a model named on purpose must load
    impl_->noGeneration = error.what();  // the page, moods and speech still work
  }
  if (!impl_->noGeneration.empty()) {
    impl_->warnings.push_back("generation is off: " + impl_->noGeneration);
    impl_->addUnavailableGenerateRoutes();
  }
  addStatusRoutes(impl_->http, context, modelInfo);
  addMoodRoutes(impl_->http, context);
  addSpeakRoutes(impl_->http, context, *impl_->audioGate);
  impl_->addStaticRoutes();
  impl_->addFallbackRoutes();
}

HttpServer::~HttpServer() {
  stop();
  // The batcher's workers finish before the model they read goes.
  if (impl_) impl_->generation.reset();
}

int HttpServer::bind() {
  const ServerOptions& options = impl_->context.options;
  errno = 0;
  if (options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(options.host);
    if (impl_->port < 0) impl_->port = -1;
  } else {
    impl_->port = impl_->http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (impl_->port <= 0) {
    const int error = errno;
    const std::string address = options.host + ":" + std::to_string(options.port);
    if (error == EADDRINUSE)
      throw std::runtime_error("cannot listen on " + address + ": port " + std::to_string(options.port) +
                               " is already in use (another lofi serve?)");
    throw std::runtime_error("cannot listen on " + address + (error ? std::string(": ") + std::strerror(error) : ""));
  }
  impl_->http.raiseBacklog();
  return impl_->port;
}

bool HttpServer::run() { return impl_->http.serve(); }

void HttpServer::stop() {
  if (impl_) impl_->http.requestStop();
}

std::string HttpServer::url() const {
  const std::string& host = impl_->context.options.host;
  const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return "http://" + shown + ":" + std::to_string(impl_->port);
}

std::vector<std::string> HttpServer::warnings() const { return impl_->warnings; }

}  // namespace lofi::server
