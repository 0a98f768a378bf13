#include "server/connection_pool.h"

namespace lofi::server {

ConnectionPool::ConnectionPool(std::size_t threads, std::size_t maxQueued) : maxQueued_(std::max<std::size_t>(1, maxQueued)) {
  threads_.reserve(threads);
  for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i) threads_.emplace_back([this] { work(); });
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::enqueue(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  hasRoom_.wait(lock, [this] { return stopping_ || queue_.size() < maxQueued_; });
  // Once stopping, the task still runs: it owns an accepted socket that only it closes.
  queue_.push_back(std::move(task));
  hasTask_.notify_one();
}

void ConnectionPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  hasTask_.notify_all();
  hasRoom_.notify_all();
  for (std::thread& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
}

void ConnectionPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      hasTask_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
      hasRoom_.notify_one();
    }
    task();
  }
}

}  // namespace lofi::server
