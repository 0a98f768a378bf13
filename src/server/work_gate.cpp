#include "server/work_gate.h"

#include "server/api_error.h"

namespace lofi::server {

WorkGate::Pass WorkGate::enter() {
  std::unique_lock lock(mutex_);
  if (running_ >= maxRunning_ && waiting_ >= maxWaiting_)
    throw ApiError(503, "the server is busy: " + std::to_string(waiting_) + " requests are waiting; try again shortly");
  ++waiting_;
  freed_.wait(lock, [this] { return running_ < maxRunning_; });
  --waiting_;
  ++running_;
  return Pass(*this);
}

void WorkGate::release() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace lofi::server
