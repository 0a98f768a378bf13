#include "music/composer/corpus_writer.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "common/atomic_file_batch.h"
#include "music/composer/piece.h"
#include "music/composer/random.h"
#include "music/score_io.h"

namespace lofi::composer {
namespace {

constexpr int kFilesPerFlush = 200;

}  // namespace

std::string pieceFileName(int index) {
  char name[32];
  std::snprintf(name, sizeof name, "piece-%04d.mid", index + 1);
  return name;
}

void writeCorpus(const CorpusOptions& options, const std::function<void(int)>& progress) {
  namespace fs = std::filesystem;
  if (options.songs < 1 || options.songs > kMaxCorpusSongs)
    throw std::invalid_argument("--songs must be 1 to " + std::to_string(kMaxCorpusSongs) + ", not " +
                                std::to_string(options.songs));
  if (options.outDir.empty()) throw std::invalid_argument("no output folder given");
  std::error_code error;
  fs::create_directories(options.outDir, error);
  if (error || !fs::is_directory(options.outDir))
    throw std::invalid_argument("cannot create the folder " + options.outDir +
                                (error ? ": " + error.message() : ": a file is in the way"));

  std::atomic<int> nextIndex{0};
  std::atomic<int> written{0};
  std::atomic<bool> failed{false};
  std::exception_ptr firstError;
  std::mutex errorMutex;
  // Each worker gathers its files in a batch that reaches the disk with one
  // flush: a sync per file would cost more than composing the piece.
  const auto work = [&] {
    try {
      AtomicFileBatch batch;
      const auto commit = [&] {
        const int count = static_cast<int>(batch.size());
        batch.commit();
        const int done = written += count;
        if (progress && count > 0) progress(done);
      };
      for (int index = nextIndex++; index < options.songs && !failed; index = nextIndex++) {
        const ComposedPiece piece = composePiece(pieceSeed(options.seed, static_cast<std::uint64_t>(index)));
        batch.add((fs::path(options.outDir) / pieceFileName(index)).string(),
                  midi::serialize(midiFromScore(piece.score)));
        if (static_cast<int>(batch.size()) >= kFilesPerFlush) commit();
      }
      if (!failed) commit();
    } catch (...) {
      std::lock_guard lock(errorMutex);
      if (!firstError) firstError = std::current_exception();
      failed = true;
    }
  };
  const int threads = std::clamp(options.threads, 1, 64);
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  if (firstError) std::rethrow_exception(firstError);
}

}  // namespace lofi::composer
