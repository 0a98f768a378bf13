// The generation endpoints: POST /api/generate (JSON notes and chords),
// GET /api/generate.mid?... (the same track as a MIDI file) and
// GET /api/render.ogg?... (the same track through the lo-fi chain). The same
// request with the same seed gives the same notes on all three.
#pragma once

#include <httplib.h>

#include "server/generation_service.h"
#include "server/server_context.h"
#include "server/track_renderer.h"
#include "server/work_gate.h"

namespace lofi::server {

void addGenerateRoutes(httplib::Server& server, ServerContext& context, GenerationService& generation,
                       TrackRenderer& renderer, WorkGate& audioGate);

}  // namespace lofi::server
