#include "server/static_files.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "server/gzip.h"
#include "server/http_date.h"
#include "server/response_body.h"
#include "server/safe_path.h"

namespace lofi::server {

// Larger files are streamed from disk and never kept in memory.
constexpr std::size_t kMaxCachedFileBytes = std::size_t{16} << 20;
constexpr std::size_t kStreamChunkBytes = 64 * 1024;

struct StaticFiles::File {
  std::string realPath;
  std::int64_t size = 0;
  std::int64_t mtimeNanoseconds = 0;
  std::time_t mtime = 0;
  MimeType mime;
  std::string etag;          // weak: the same for the gzip form
  std::string lastModified;
  std::string cacheControl;
  std::shared_ptr<const std::string> bytes;  // null when streamed
  std::shared_ptr<const std::string> gzip;   // null when not worth it
  std::size_t memory() const { return (bytes ? bytes->size() : 0) + (gzip ? gzip->size() : 0); }
};

namespace {

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%llx", static_cast<unsigned long long>(value));
  return text;
}

bool statFile(const std::string& path, struct stat& info) { return ::stat(path.c_str(), &info) == 0; }

std::int64_t mtimeNanoseconds(const struct stat& info) {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

// Weak comparison (RFC 9110 8.8.3.2) of an If-None-Match list with our tag.
bool etagMatches(const std::string& header, const std::string& etag) {
  const auto opaque = [](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
  };
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = std::min(header.find(',', start), header.size());
    std::string_view item = std::string_view(header).substr(start, end - start);
    start = end + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == "*" || opaque(item) == opaque(etag)) return true;
  }
  return false;
}

bool notModified(const httplib::Request& request, const std::string& etag, std::time_t mtime) {
  if (request.has_header("If-None-Match")) return etagMatches(request.get_header_value("If-None-Match"), etag);
  if (request.has_header("If-Modified-Since")) {
    const auto since = parseHttpDate(request.get_header_value("If-Modified-Since"));
    return since && mtime <= *since;
  }
  return false;
}

// The one range the library will serve, checked against the size first:
// the library itself does not refuse a range past the end.
bool rangeSatisfiable(const httplib::Ranges& ranges, std::int64_t size) {
  if (ranges.size() != 1) return false;
  const auto [first, last] = ranges.front();
  if (first == -1) return last > 0 && size > 0;  // the last `last` bytes
  return first < size && (last == -1 || last >= first);
}

std::string relativeTo(const std::string& realPath, const std::string& root) {
  return realPath.size() > root.size() ? realPath.substr(root.size() + 1) : std::string();
}

}  // namespace

std::string cacheControlFor(const std::string& relativePath, bool hashedNamesRoot) {
  // Vite names built files like assets/index-BvKMQ4sd.js: new content, new name.
  static const std::regex hashed(R"(^assets/(.*/)?[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$)");
  if (hashedNamesRoot && std::regex_match(relativePath, hashed)) return "public, max-age=31536000, immutable";
  const std::string name = relativePath.substr(relativePath.rfind('/') + 1);
  // The entry points must be checked every time or a rebuilt page would be missed.
  if (name == "index.html" || name == "manifest.json" || name.ends_with(".html")) return "no-cache";
  return "public, max-age=300";
}

StaticFiles::StaticFiles(std::vector<StaticRoot> roots, std::size_t cacheBudgetBytes) : budget_(cacheBudgetBytes) {
  for (StaticRoot& root : roots) {
    if (const auto real = realRoot(root.folder)) {
      root.folder = *real;
      roots_.push_back(std::move(root));
    } else {
      missing_.push_back(std::move(root));
    }
  }
}

std::size_t StaticFiles::cachedBytes() const {
  std::lock_guard lock(mutex_);
  return cached_;
}

StaticFiles::Outcome StaticFiles::find(const std::string& urlPath, Found& found) const {
  const PathVerdict verdict = checkUrlPath(urlPath);
  if (verdict == PathVerdict::Malformed) return Outcome::BadPath;
  if (verdict == PathVerdict::Hidden) return Outcome::NotFound;
  const std::string path = urlPath.back() == '/' ? urlPath + "index.html" : urlPath;
  for (const StaticRoot& root : roots_) {
    if (!path.starts_with(root.urlPrefix)) continue;
    const std::string inside = path.substr(root.urlPrefix.size() - 1);  // keeps the leading '/'
    const auto real = resolveUnderRoot(root.folder, inside);
    struct stat info {};
    if (!real || !statFile(*real, info) || !S_ISREG(info.st_mode)) continue;
    found = {*real, relativeTo(*real, root.folder), &root};
    return Outcome::Served;
  }
  return Outcome::NotFound;
}

std::shared_ptr<const StaticFiles::File> StaticFiles::load(const Found& found) {
  struct stat info {};
  if (!statFile(found.realPath, info)) return nullptr;
  {
    std::lock_guard lock(mutex_);
    const auto cached = cache_.find(found.realPath);
    if (cached != cache_.end() && cached->second->size == info.st_size &&
        cached->second->mtimeNanoseconds == mtimeNanoseconds(info))
      return cached->second;
  }
  auto file = std::make_shared<File>();
  file->realPath = found.realPath;
  file->size = info.st_size;
  file->mtimeNanoseconds = mtimeNanoseconds(info);
  file->mtime = info.st_mtim.tv_sec;
  file->mime = mimeTypeFor(found.realPath);
  file->etag = "W/\"" + hex(static_cast<std::uint64_t>(file->size)) + "-" + hex(static_cast<std::uint64_t>(file->mtimeNanoseconds)) + "\"";
  file->lastModified = formatHttpDate(file->mtime);
  file->cacheControl = cacheControlFor(found.relativePath, found.root->hashedNames);
  if (static_cast<std::size_t>(file->size) <= kMaxCachedFileBytes) {
    std::ifstream in(found.realPath, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && file->size > 0) return nullptr;
    auto bytes = std::make_shared<const std::string>(content.str());
    if (static_cast<std::int64_t>(bytes->size()) != file->size) return nullptr;  // changed while read
    if (file->mime.compressible && bytes->size() >= kMinCompressBytes) {
      auto gzip = std::make_shared<const std::string>(gzipCompress(*bytes, 9));
      if (gzip->size() + 64 < bytes->size()) file->gzip = std::move(gzip);
    }
    file->bytes = std::move(bytes);
  }
  std::shared_ptr<const File> ready = std::move(file);
  std::lock_guard lock(mutex_);
  auto& slot = cache_[found.realPath];
  if (slot) cached_ -= slot->memory();
  if (ready->bytes && cached_ + ready->memory() <= budget_) {
    slot = ready;
    cached_ += ready->memory();
  } else {
    cache_.erase(found.realPath);
  }
  return ready;
}

StaticFiles::Outcome StaticFiles::serve(const httplib::Request& request, httplib::Response& response) {
  Found found;
  const Outcome outcome = find(request.path, found);
  if (outcome != Outcome::Served) return outcome;
  const std::shared_ptr<const File> file = load(found);
  if (!file) return Outcome::NotFound;

  response.set_header("ETag", file->etag);
  response.set_header("Last-Modified", file->lastModified);
  response.set_header("Cache-Control", file->cacheControl);
  if (file->gzip) response.set_header("Vary", "Accept-Encoding");
  if (notModified(request, file->etag, file->mtime)) {
    response.status = 304;
    return Outcome::Served;
  }
  response.set_header("Accept-Ranges", "bytes");
  const bool ranged = !request.ranges.empty();
  if (ranged && !rangeSatisfiable(request.ranges, file->size)) {
    response.set_header("Content-Range", "bytes */" + std::to_string(file->size));
    ignoreRanges(request);
    sendContent(request, response, 416, R"({"error":"the range asked for is outside the file"})", "application/json", false);
    return Outcome::Served;
  }
  // Ranges count bytes of the file itself, so a range is served unencoded; the library sets 206.
  const int status = ranged ? -1 : 200;
  if (file->bytes) {
    const bool gzip = !ranged && file->gzip && acceptsGzip(request.get_header_value("Accept-Encoding"));
    sendBody(response, status, file->mime.type, {gzip ? file->gzip : file->bytes, gzip ? "gzip" : ""}, false);
    return Outcome::Served;
  }
  if (status >= 0) response.status = status;
  auto stream = std::make_shared<std::ifstream>(file->realPath, std::ios::binary);
  response.set_content_provider(
      static_cast<std::size_t>(file->size), std::string(file->mime.type),
      [stream](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::string chunk(std::min(length, kStreamChunkBytes), '\0');
        stream->seekg(static_cast<std::streamoff>(offset));
        stream->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(stream->gcount());
        return got > 0 && sink.write(chunk.data(), got);
      });
  return Outcome::Served;
}

}  // namespace lofi::server
