#include "server/generation_batcher.h"

#include "server/api_error.h"

namespace lofi::server {

GenerationBatcher::GenerationBatcher(const Model& model, const Encoding& encoding, BatcherOptions options)
    : model_(model), encoding_(encoding), options_(options) {
  options_.workers = std::max(1, options_.workers);
  options_.maxBatch = std::max(1, options_.maxBatch);
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { work(); });
}

GenerationBatcher::~GenerationBatcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  arrived_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

WrittenTrack GenerationBatcher::compose(TrackOptions options) {
  auto pending = std::make_unique<Pending>();
  pending->options = std::move(options);
  pending->arrived = std::chrono::steady_clock::now();
  std::future<WrittenTrack> result = pending->result.get_future();
  {
    std::lock_guard lock(mutex_);
    if (static_cast<int>(waiting_.size()) >= options_.maxWaiting)
      throw ApiError(503, "the server is busy: " + std::to_string(waiting_.size()) + " tracks are waiting; try again shortly");
    lastArrival_ = pending->arrived;
    waiting_.push_back(std::move(pending));
  }
  arrived_.notify_one();
  return result.get();
}

GenerationBatcher::Stats GenerationBatcher::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void GenerationBatcher::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    arrived_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    if (waiting_.empty()) return;  // stopping, nothing left
    // Let the batch gather while requests keep arriving.
    while (!stopping_ && !waiting_.empty() && static_cast<int>(waiting_.size()) < options_.maxBatch) {
      const auto deadline = std::min(waiting_.front()->arrived + options_.maxWait, lastArrival_ + options_.window);
      if (std::chrono::steady_clock::now() >= deadline) break;
      arrived_.wait_until(lock, deadline);
    }
    if (waiting_.empty()) continue;  // another worker took them
    // Share what waits with the idle workers: a batch of 16 costs each row
    // about what a batch of 32 does, so two halves on two cores finish in half the time.
    const int idle = std::max(1, options_.workers - running_);
    const int share = static_cast<int>((waiting_.size() + idle - 1) / idle);
    const int take = std::min(options_.maxBatch, share);
    std::vector<std::unique_ptr<Pending>> batch;
    while (!waiting_.empty() && static_cast<int>(batch.size()) < take) {
      batch.push_back(std::move(waiting_.front()));
      waiting_.pop_front();
    }
    ++stats_.batches;
    stats_.tracks += batch.size();
    stats_.largestBatch = std::max(stats_.largestBatch, static_cast<int>(batch.size()));
    if (!waiting_.empty()) arrived_.notify_one();  // more for another worker
    ++running_;
    lock.unlock();
    run(batch);
    lock.lock();
    --running_;
  }
}

void GenerationBatcher::run(std::vector<std::unique_ptr<Pending>>& batch) {
  std::vector<TrackOptions> options;
  options.reserve(batch.size());
  for (const auto& pending : batch) options.push_back(pending->options);
  try {
    std::vector<WrittenTrack> tracks = writeTracks(model_, encoding_, options);
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result.set_value(std::move(tracks[i]));
    return;
  } catch (...) {
    if (batch.size() == 1) {
      batch.front()->result.set_exception(std::current_exception());
      return;
    }
  }
  // One bad track must not fail its neighbours: each again alone.
  for (const auto& pending : batch) {
    try {
      pending->result.set_value(writeTrack(model_, encoding_, pending->options));
    } catch (...) {
      pending->result.set_exception(std::current_exception());
    }
  }
}

}  // namespace lofi::server
