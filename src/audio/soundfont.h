// Where the General MIDI soundfont lives: the user's choice, or Debian's
// packages in order of preference.
#pragma once

#include <string>
#include <vector>

namespace lofi {

// Debian's fluid-soundfont-gm first (MIT licence), then the small MuseScore font.
std::vector<std::string> defaultSoundfontPaths();

// Returns `requested` if it names a readable file, else the first default that
// exists. Throws std::runtime_error naming every path tried when none does.
std::string findSoundfont(const std::string& requested,
                          const std::vector<std::string>& candidates = defaultSoundfontPaths());

}  // namespace lofi
