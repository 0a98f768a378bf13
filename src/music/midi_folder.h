// Finding the MIDI files in a folder, in a stable order.
#pragma once

#include <string>
#include <vector>

namespace lofi {

// A file path gives itself; a folder gives every .mid/.midi/.smf/.kar file below
// it, recursively, sorted by path so that runs are reproducible.
// Throws std::runtime_error if the path does not exist.
std::vector<std::string> listMidiFiles(const std::string& fileOrFolder);

}  // namespace lofi
