// The built page and its assets as static files: one or more roots, each
// mounted at a URL prefix and confined (safe_path.h); correct types; caching
// headers (Vite's content-hashed files are immutable, the rest revalidate by
// ETag and Last-Modified or keep a short max-age); gzip for text-like files,
// compressed once and kept in memory with the file; 304 for a matching
// If-None-Match or If-Modified-Since; a single byte range for audio seeking.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/mime_types.h"

namespace lofi::server {

struct StaticRoot {
  std::string urlPrefix;   // "/" or "/assets/": must start and end with '/'
  std::string folder;      // what is served there
  bool hashedNames = false;  // files under assets/ here carry a content hash in their names (Vite)
};

// What a file's cache policy is, by where it lives and its name.
std::string cacheControlFor(const std::string& relativePath, bool hashedNamesRoot);

class StaticFiles {
 public:
  // Roots whose folder does not exist are left out (see missingRoots).
  // `cacheBudgetBytes` bounds the memory kept for files and their gzip forms.
  explicit StaticFiles(std::vector<StaticRoot> roots, std::size_t cacheBudgetBytes = std::size_t{96} << 20);

  enum class Outcome { Served, NotFound, BadPath };
  // Answers a GET or HEAD for the request's path if some root has the file.
  Outcome serve(const httplib::Request& request, httplib::Response& response);

  const std::vector<StaticRoot>& missingRoots() const { return missing_; }
  std::size_t cachedBytes() const;

 private:
  struct File;
  struct Found {
    std::string realPath;
    std::string relativePath;  // inside its root, without a leading '/'
    const StaticRoot* root = nullptr;
  };
  Outcome find(const std::string& urlPath, Found& found) const;
  std::shared_ptr<const File> load(const Found& found);

  std::vector<StaticRoot> roots_;  // folder holds the real path
  std::vector<StaticRoot> missing_;
  std::size_t budget_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const File>> cache_;
  std::size_t cached_ = 0;
};

}  // namespace lofi::server
