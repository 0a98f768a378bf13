// Bounds the heavy work (speech, audio rendering) running at once, and the
// requests waiting for it: beyond that a request is refused at once with 503
// and Retry-After instead of queueing without end.
#pragma once

#include <condition_variable>
#include <mutex>

namespace lofi::server {

class WorkGate {
 public:
  WorkGate(int running, int waiting) : maxRunning_(running), maxWaiting_(waiting) {}

  // Held while the work runs.
  class Pass {
   public:
    explicit Pass(WorkGate& gate) : gate_(&gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass(const Pass&) = delete;
    ~Pass() {
      if (gate_) gate_->release();
    }

   private:
    WorkGate* gate_;
  };

  // Waits for a free slot; throws ApiError 503 when too many already wait.
  Pass enter();

 private:
  void release();
  int maxRunning_, maxWaiting_;
  int running_ = 0, waiting_ = 0;
  std::mutex mutex_;
  std::condition_variable freed_;
};

}  // namespace lofi::server
