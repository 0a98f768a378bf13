// Data files compiled into the program (songs, grooves...): see cmake/EmbedFiles.cmake.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lofi {

struct EmbeddedFile {
  std::string_view name;  // path relative to the repository's data/ folder, e.g. "songs/canon-in-d.json"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embeddedFiles();

// The file's content; throws std::out_of_range naming the file if it is not embedded.
std::string_view embeddedFile(std::string_view name);

// Names of the embedded files below a folder, e.g. "songs/", sorted.
std::vector<std::string> embeddedFilesUnder(std::string_view folder);

}  // namespace lofi
