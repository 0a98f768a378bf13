// The generate request as JSON or as a query string ({bars?, temperature?,
// topP?, seed?, chords?, mood?, key?, bpm?, instrument?}) read into the
// library's GenerationRequest, whose defaults apply to what is left out; a
// bad field is a 400 naming it before any generation starts.
#pragma once

#include <nlohmann/json.hpp>

#include "model/generation_request.h"
#include "server/request_validation.h"

namespace lofi::server {

inline constexpr int kMaxGenerateBars = 64;

const Schema& generateRequestSchema();

// From a body that passed generateRequestSchema(). Throws ApiError 400 naming
// the field for an unreadable chord symbol, key or instrument.
GenerationSettings generateSettings(const nlohmann::json& body);

}  // namespace lofi::server
