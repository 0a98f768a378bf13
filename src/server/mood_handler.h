// POST /api/mood {text}: what a sentence becomes (mood.h), with the words
// that decided it.
#pragma once

#include <httplib.h>

#include "server/request_validation.h"
#include "server/server_context.h"

namespace lofi::server {

inline constexpr std::size_t kMaxMoodTextCharacters = 500;

const Schema& moodRequestSchema();
void addMoodRoutes(httplib::Server& server, ServerContext& context);

}  // namespace lofi::server
