#include "common/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace lofi {
namespace {

std::string errnoText() { return std::strerror(errno); }

}  // namespace

void writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());

  std::FILE* out = std::fopen(temp.c_str(), "wb");
  if (!out) throw std::runtime_error("cannot write " + path + ": " + errnoText());
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  const bool flushed = std::fflush(out) == 0 && ::fsync(::fileno(out)) == 0;
  const bool closed = std::fclose(out) == 0;
  if (!written || !flushed || !closed) {
    const std::string reason = errnoText();
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw std::runtime_error("cannot write " + path + ": " + reason);
  }
  std::error_code renameError;
  fs::rename(temp, target, renameError);
  if (renameError) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw std::runtime_error("cannot write " + path + ": " + renameError.message());
  }
}

void writeFileAtomically(const std::string& path, std::string_view text) {
  writeFileAtomically(path, std::span<const std::uint8_t>(
                                reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string readFileToString(const std::string& path, std::size_t maxBytes) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_directory(path, error)) throw std::runtime_error(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + ": " + errnoText());
  const auto size = fs::file_size(path, error);
  if (!error && size > maxBytes) {
    throw std::runtime_error(path + ": file is too large (" + std::to_string(size) + " bytes, limit " +
                             std::to_string(maxBytes) + ")");
  }
  std::string content;
  if (!error) content.reserve(size);
  content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read " + path + ": " + errnoText());
  return content;
}

}  // namespace lofi
