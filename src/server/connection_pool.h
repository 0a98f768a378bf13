// The threads that serve connections. cpp-httplib hands every accepted
// connection to a task queue and a keep-alive connection holds its thread
// until it closes, so the pool must be as large as the number of clients
// served at once; its queue is bounded, so that a flood of connections makes
// the accept loop wait (the kernel's backlog then refuses the excess) instead
// of queueing without end.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lofi::server {

class ConnectionPool : public httplib::TaskQueue {
 public:
  ConnectionPool(std::size_t threads, std::size_t maxQueued);
  ~ConnectionPool() override;

  void enqueue(std::function<void()> task) override;  // waits while the queue is full
  void shutdown() override;                           // runs what is queued, then joins

 private:
  void work();
  std::size_t maxQueued_;
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> queue_;
  std::mutex mutex_;
  std::condition_variable hasTask_, hasRoom_;
  bool stopping_ = false;
};

}  // namespace lofi::server
