// Many listeners, one model: generate requests that arrive together are
// stepped through the LSTM as one batch (writeTracks), which costs little
// more than one sequence alone. A free worker takes its share of what is
// waiting (split evenly with the other idle workers, up to maxBatch); an idle
// worker waits `window` after the last arrival for others to join. Every track comes out exactly as it would
// alone (the generator computes each row on its own), so batching never
// changes the music a seed gives.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "model/track_writer.h"

namespace lofi::server {

struct BatcherOptions {
  int workers = 2;
  int maxBatch = 8;
  std::chrono::microseconds window{3000};    // quiet time that closes a batch
  std::chrono::microseconds maxWait{50000};  // longest the first request waits
  int maxWaiting = 512;  // beyond: refused with 503
};

class GenerationBatcher {
 public:
  GenerationBatcher(const Model& model, const Encoding& encoding, BatcherOptions options);
  ~GenerationBatcher();
  GenerationBatcher(const GenerationBatcher&) = delete;
  GenerationBatcher& operator=(const GenerationBatcher&) = delete;

  // Blocks until the track is written. Throws what composing it throws (a
  // failing track never fails the others of its batch), ApiError 503 when
  // too many requests wait.
  WrittenTrack compose(TrackOptions options);

  struct Stats {
    std::uint64_t batches = 0;
    std::uint64_t tracks = 0;
    int largestBatch = 0;
  };
  Stats stats() const;

 private:
  struct Pending {
    TrackOptions options;
    std::promise<WrittenTrack> result;
    std::chrono::steady_clock::time_point arrived;
  };
  void work();
  void run(std::vector<std::unique_ptr<Pending>>& batch);

  const Model& model_;
  const Encoding& encoding_;
  BatcherOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<std::unique_ptr<Pending>> waiting_;
  std::chrono::steady_clock::time_point lastArrival_;
  bool stopping_ = false;
  int running_ = 0;  // workers writing a batch now
  Stats stats_;
  std::vector<std::thread> workers_;
};

}  // namespace lofi::server
