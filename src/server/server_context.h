// What the handlers share: the options, the static files, and the services
// behind the API. Built once by HttpServer and read by every thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "server/server_options.h"
#include "server/static_files.h"

namespace lofi::server {

struct ServerContext {
  ServerOptions options;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::unique_ptr<StaticFiles> files;
  std::atomic<std::uint64_t> apiRequests{0};

  int computeThreads() const;  // options.computeThreads, or the cores when 0
};

}  // namespace lofi::server
