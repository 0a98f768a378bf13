#include "audio/soundfont.h"

#include <filesystem>
#include <stdexcept>

namespace lofi {

std::vector<std::string> defaultSoundfontPaths() {
  return {
      "/usr/share/sounds/sf2/FluidR3_GM.sf2",          // fluid-soundfont-gm
      "/usr/share/sounds/sf3/MuseScore_General.sf3",   // musescore-general-soundfont-small
      "/usr/share/sounds/sf2/MuseScore_General.sf2",
  };
}

std::string findSoundfont(const std::string& requested, const std::vector<std::string>& candidates) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!requested.empty()) {
    if (fs::is_regular_file(requested, error)) return requested;
    throw std::runtime_error("soundfont not found: " + requested);
  }
  std::string tried;
  for (const std::string& path : candidates) {
    if (fs::is_regular_file(path, error)) return path;
    tried += (tried.empty() ? "" : ", ") + path;
  }
  throw std::runtime_error("no General MIDI soundfont found (tried " + tried +
                           "); install fluid-soundfont-gm or pass --soundfont FILE");
}

}  // namespace lofi
