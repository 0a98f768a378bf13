#include "common/atomic_file_batch.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace lofi {
namespace {

std::string errnoText() { return std::strerror(errno); }

// syncfs on the folder's file system: one flush for every file of the batch.
void flushFileSystemOf(const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  const std::string name = folder.empty() ? "." : folder.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + name + " to flush it: " + errnoText());
  const bool flushed = ::syncfs(fd) == 0;
  const std::string reason = flushed ? "" : errnoText();
  ::close(fd);
  if (!flushed) throw std::runtime_error("cannot flush " + name + " to disk: " + reason);
}

}  // namespace

AtomicFileBatch::~AtomicFileBatch() { discard(); }

void AtomicFileBatch::add(const std::string& path, std::span<const std::uint8_t> bytes) {
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* out = std::fopen(temp.c_str(), "wb");
  if (!out) throw std::runtime_error("cannot write " + path + ": " + errnoText());
  pending_.push_back({temp, path});  // from here on, discard() cleans it up
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  const bool flushed = std::fflush(out) == 0;
  const bool closed = std::fclose(out) == 0;
  if (!written || !flushed || !closed) throw std::runtime_error("cannot write " + path + ": " + errnoText());
}

void AtomicFileBatch::commit() {
  if (pending_.empty()) return;
  // Different folders may lie on different file systems: flush each one named.
  std::vector<std::string> folders;
  for (const Pending& file : pending_) {
    const std::string folder = std::filesystem::path(file.target).parent_path().string();
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) {
      folders.push_back(folder);
      flushFileSystemOf(file.target);
    }
  }
  while (!pending_.empty()) {
    const Pending& file = pending_.back();
    std::error_code error;
    std::filesystem::rename(file.temp, file.target, error);
    if (error) throw std::runtime_error("cannot write " + file.target + ": " + error.message());
    pending_.pop_back();
  }
}

void AtomicFileBatch::discard() {
  for (const Pending& file : pending_) {
    std::error_code ignored;
    std::filesystem::remove(file.temp, ignored);
  }
  pending_.clear();
}

}  // namespace lofi
