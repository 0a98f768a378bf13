// The model `lofi generate` and the server use when none is named: compiled
// into the program when models/default.lofi exists at build time (`make model`
// trains it), otherwise the file named by $LOFI_MODEL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/model.h"

namespace lofi {

// The compiled-in model file's bytes, if the program has one.
std::optional<std::string_view> embeddedDefaultModel();

// Throws ModelFileError saying how to get a model when there is none.
Model loadDefaultModel();

// "embedded" or the path the default model comes from.
std::string defaultModelSource();

}  // namespace lofi
