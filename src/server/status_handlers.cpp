#include "server/status_handlers.h"

#include <zlib.h>

#include <cmath>
#include <thread>

#include "server/json_api.h"

#ifndef LOFI_VERSION
#define LOFI_VERSION "unknown"
#endif

namespace lofi::server {
namespace {

double uptimeSeconds(const ServerContext& context) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - context.started).count();
}

bool folderFound(const ServerContext& context, const std::string& urlPrefix) {
  if (!context.files) return false;
  for (const StaticRoot& missing : context.files->missingRoots())
    if (missing.urlPrefix == urlPrefix) return false;
  return true;
}

}  // namespace

nlohmann::json versions() {
  return {{"lofi", LOFI_VERSION},
          {"cpp-httplib", CPPHTTPLIB_VERSION},
          {"nlohmann_json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." + std::to_string(NLOHMANN_JSON_VERSION_MINOR) +
                                "." + std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
          {"zlib", zlibVersion()},
          {"compiler", __VERSION__},
          {"cppStandard", static_cast<long>(__cplusplus)}};
}

void addStatusRoutes(httplib::Server& server, ServerContext& context, std::function<nlohmann::json()> modelInfo) {
  server.Get("/api/health", guardedGet([&context](const httplib::Request& request, httplib::Response& response) {
               sendJson(request, response, 200,
                        {{"status", "ok"},
                         {"uptimeSeconds", std::round(uptimeSeconds(context) * 10) / 10},
                         {"apiRequests", context.apiRequests.load()},
                         {"page", folderFound(context, "/")},
                         {"assets", folderFound(context, "/assets/")}});
             }));
  server.Get("/api/info", guardedGet([&context, modelInfo](const httplib::Request& request, httplib::Response& response) {
               ++context.apiRequests;
               nlohmann::json info = {{"name", "lofi"},
                                      {"versions", versions()},
                                      {"cores", std::thread::hardware_concurrency()},
                                      {"computeThreads", context.computeThreads()},
                                      {"maxBatch", context.options.maxBatch},
                                      {"batchWindowMs", context.options.batchWindowMicroseconds / 1000.0}};
               if (modelInfo) info.update(modelInfo());
               sendJson(request, response, 200, info);
             }));
}

}  // namespace lofi::server
