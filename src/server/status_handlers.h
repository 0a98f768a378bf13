// GET /api/health (is it up, how long, what it serves) and GET /api/info
// (the model, its encoding and vocabulary, and the versions of everything).
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "server/server_context.h"

namespace lofi::server {

// `modelInfo` adds what the generation service knows (nothing when it is absent).
void addStatusRoutes(httplib::Server& server, ServerContext& context, std::function<nlohmann::json()> modelInfo);

// Versions of the program and the libraries it is built with.
nlohmann::json versions();

}  // namespace lofi::server
