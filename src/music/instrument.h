// Naming a General MIDI instrument on the command line: a program number or
// words from its name ("electric piano", "nylon guitar", "33").
#pragma once

#include <string>

namespace lofi {

// Returns the program 0-127. A number is taken as it is; words pick the first
// General MIDI program whose name contains every word. Throws
// std::invalid_argument naming the text when nothing matches.
int parseInstrument(const std::string& text);

}  // namespace lofi
