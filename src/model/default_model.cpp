#include "model/default_model.h"

#include <cstdlib>

#ifdef LOFI_DEFAULT_MODEL_FILE
// The file's bytes go into the program as they are (no hex in the sources).
asm(".section .rodata\n"
    ".balign 64\n"
    ".global lofiDefaultModelStart\n"
    "lofiDefaultModelStart:\n"
    ".incbin \"" LOFI_DEFAULT_MODEL_FILE "\"\n"
    ".global lofiDefaultModelEnd\n"
    "lofiDefaultModelEnd:\n"
    ".previous\n");
extern "C" const char lofiDefaultModelStart[];
extern "C" const char lofiDefaultModelEnd[];
#endif

namespace lofi {

std::optional<std::string_view> embeddedDefaultModel() {
#ifdef LOFI_DEFAULT_MODEL_FILE
  return std::string_view(lofiDefaultModelStart, static_cast<std::size_t>(lofiDefaultModelEnd - lofiDefaultModelStart));
#else
  return std::nullopt;
#endif
}

std::string defaultModelSource() {
  if (const char* path = std::getenv("LOFI_MODEL"); path && *path) return path;
  if (embeddedDefaultModel()) return "embedded";
  return "";
}

Model loadDefaultModel() {
  if (const char* path = std::getenv("LOFI_MODEL"); path && *path) return Model::load(path);
  if (const auto bytes = embeddedDefaultModel()) return Model::fromBytes(*bytes, "the embedded default model");
  throw ModelFileError(
      "no default model in this build: train one (`lofi train DATA --out DIR`) and pass --model DIR/best.lofi, "
      "or set LOFI_MODEL");
}

}  // namespace lofi
