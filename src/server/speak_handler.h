// POST /api/speak {text}: any short text spoken by espeak-ng through the
// old-radio chain, as Ogg Vorbis (audio/speech/quotes.h does the work).
#pragma once

#include <httplib.h>

#include "server/request_validation.h"
#include "server/server_context.h"
#include "server/work_gate.h"

namespace lofi::server {

const Schema& speakRequestSchema();
void addSpeakRoutes(httplib::Server& server, ServerContext& context, WorkGate& gate);

}  // namespace lofi::server
