// Writing many files atomically with a single flush to disk. Each file goes
// to a temporary file beside its target; commit() flushes the file system
// once and then renames every file into place, so no reader ever sees a
// half-written file, and a thousand files cost one sync instead of a thousand.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace lofi {

class AtomicFileBatch {
 public:
  AtomicFileBatch() = default;
  AtomicFileBatch(const AtomicFileBatch&) = delete;
  AtomicFileBatch& operator=(const AtomicFileBatch&) = delete;
  // Files added but never committed are removed.
  ~AtomicFileBatch();

  // Writes `bytes` to a temporary file beside `path`. Throws
  // std::runtime_error naming the path on failure.
  void add(const std::string& path, std::span<const std::uint8_t> bytes);

  // Flushes the written files to disk and renames each over its target.
  // Throws std::runtime_error naming the first file that fails; files not yet
  // renamed are removed.
  void commit();

  std::size_t size() const { return pending_.size(); }

 private:
  struct Pending {
    std::string temp;
    std::string target;
  };
  void discard();
  std::vector<Pending> pending_;
};

}  // namespace lofi
