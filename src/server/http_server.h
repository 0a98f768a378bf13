// `lofi serve` as a library: an HTTP server (cpp-httplib) for the built page,
// its assets and the JSON API, set up for many listeners: TCP_NODELAY,
// long keep-alive, a connection pool with a bounded queue, timeouts, and
// limits on everything a client sends. Nothing here knows about argv.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "server/server_options.h"

namespace lofi::server {

class HttpServer {
 public:
  // Loads what the API needs (the model...). Throws std::runtime_error with a
  // clear message if something cannot be loaded.
  explicit HttpServer(ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns the port (useful with port 0). Throws
  // std::runtime_error naming the address if it cannot.
  int bind();
  // Serves until stop(); returns false if the listening socket failed.
  bool run();
  // From any thread, at any moment: before run() too, which then returns at
  // once. Connections waiting for a request are closed; answers under way are
  // finished.
  void stop();

  std::string url() const;  // "http://127.0.0.1:8080"
  // What the server could not find at start (the page not built, no assets).
  std::vector<std::string> warnings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lofi::server
