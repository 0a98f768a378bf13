#include "common/embedded_files.h"

#include <algorithm>
#include <stdexcept>

namespace lofi {

std::string_view embeddedFile(std::string_view name) {
  for (const EmbeddedFile& file : embeddedFiles())
    if (file.name == name) return file.content;
  throw std::out_of_range("no embedded data file '" + std::string(name) + "'");
}

std::vector<std::string> embeddedFilesUnder(std::string_view folder) {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : embeddedFiles())
    if (file.name.starts_with(folder)) names.emplace_back(file.name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace lofi
