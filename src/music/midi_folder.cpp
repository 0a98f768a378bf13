#include "music/midi_folder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

namespace lofi {

namespace {
bool hasMidiExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".mid" || ext == ".midi" || ext == ".smf" || ext == ".kar";
}
}  // namespace

std::vector<std::string> listMidiFiles(const std::string& fileOrFolder) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(fileOrFolder, error);
  if (error || !fs::exists(status)) throw std::runtime_error(fileOrFolder + ": no such file or folder");
  if (!fs::is_directory(status)) return {fileOrFolder};
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(fileOrFolder, fs::directory_options::skip_permission_denied, error), end;
       !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error) && hasMidiExtension(it->path())) files.push_back(it->path().string());
  }
  if (error) throw std::runtime_error(fileOrFolder + ": cannot list folder: " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace lofi
