#include "server/bounded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>

#include "server/body_framing.h"

namespace lofi::server {
namespace {

// Waits until the socket can be read (or written); false on timeout or error,
// and, when `stopEvent` is given, once it is readable while the socket is not.
bool waitFor(socket_t sock, short events, int timeoutMs, int stopEvent = -1) {
  std::array<pollfd, 2> entries{pollfd{sock, events, 0}, pollfd{stopEvent, POLLIN, 0}};
  const nfds_t count = stopEvent >= 0 ? 2 : 1;
  for (;;) {
    const int ready = ::poll(entries.data(), count, timeoutMs);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0 && (entries[0].revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

int milliseconds(time_t seconds, time_t microseconds) {
  return static_cast<int>(seconds * 1000 + microseconds / 1000);
}

void addressOf(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

// A buffered socket stream that lets one request read at most a budget of bytes.
// Waiting for the client ends when the server stops (`stopEvent` readable);
// writing an answer does not.
class BoundedStream : public httplib::Stream {
 public:
  BoundedStream(socket_t sock, int readTimeoutMs, int writeTimeoutMs, int stopEvent)
      : sock_(sock), readTimeoutMs_(readTimeoutMs), writeTimeoutMs_(writeTimeoutMs), stopEvent_(stopEvent) {}

  void startRequest() {
    used_ = 0;
    chunked_.reset();
  }
  bool exhausted() const { return used_ >= kMaxRequestBytes; }
  // From here to the body's end, the bytes read must follow chunked framing.
  void followChunkedBody() { chunked_.emplace(kMaxRequestBytes); }
  bool framingBroken() const { return chunked_ && chunked_->broken(); }
  // Waits up to `timeoutMs` for the next request to begin.
  bool nextRequestArrives(int timeoutMs) { return buffered() > 0 || waitFor(sock_, POLLIN, timeoutMs, stopEvent_); }

  bool is_readable() const override { return buffered() > 0 || waitFor(sock_, POLLIN, readTimeoutMs_, stopEvent_); }
  bool is_writable() const override { return waitFor(sock_, POLLOUT, writeTimeoutMs_); }

  ssize_t read(char* ptr, size_t size) override {
    if (exhausted()) return -1;
    size = std::min(size, kMaxRequestBytes - used_);
    if (buffered() == 0) {
      if (!waitFor(sock_, POLLIN, readTimeoutMs_, stopEvent_)) return -1;
      const ssize_t got = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      if (got <= 0) return got;
      begin_ = 0;
      end_ = static_cast<std::size_t>(got);
    }
    const std::size_t count = std::min(size, buffered());
    std::copy_n(buffer_.data() + begin_, count, ptr);
    begin_ += count;
    used_ += count;
    // The library reads a chunked body exactly, so the check sees its bytes and no others.
    if (chunked_ && !chunked_->finished() && !chunked_->feed(std::string_view(ptr, count))) return -1;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!waitFor(sock_, POLLOUT, writeTimeoutMs_)) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) addressOf(address, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) addressOf(address, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  std::size_t buffered() const { return end_ - begin_; }

  socket_t sock_;
  int readTimeoutMs_, writeTimeoutMs_;
  int stopEvent_;
  std::array<char, 4096> buffer_{};
  std::size_t begin_ = 0, end_ = 0;
  std::size_t used_ = 0;
  std::optional<ChunkedBodyCheck> chunked_;
};

}  // namespace

BoundedServer::BoundedServer() : stopEvent_(::eventfd(0, EFD_CLOEXEC)) {
  if (stopEvent_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
}

BoundedServer::~BoundedServer() {
  closeListeningSocket();  // bound, never served
  ::close(stopEvent_);
}

bool BoundedServer::raiseBacklog(int backlog) {
  return svr_sock_ != INVALID_SOCKET && ::listen(svr_sock_, backlog) == 0;
}

// The library's stop() is a no-op until its accept loop has started, so a
// stop asked for just before would be lost. Here serve() does not start the
// loop once a stop was asked for, and a stop asked for later shuts the
// listening socket down, which fails every accept() and so ends the loop.
void BoundedServer::requestStop() {
  std::lock_guard lock(listeningMutex_);
  if (stopRequested_.exchange(true)) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = ::write(stopEvent_, &one, sizeof one);
  if (svr_sock_ != INVALID_SOCKET) ::shutdown(svr_sock_, SHUT_RDWR);
}

bool BoundedServer::serve() {
  {
    std::lock_guard lock(listeningMutex_);
    if (stopRequested_) {
      closeListeningSocket();
      return true;
    }
  }
  const bool ok = listen_after_bind();
  std::lock_guard lock(listeningMutex_);
  // The loop has closed the listening socket, but a failed accept leaves its number behind.
  svr_sock_ = INVALID_SOCKET;
  return ok || stopRequested_;
}

void BoundedServer::closeListeningSocket() {
  const socket_t listening = svr_sock_.exchange(INVALID_SOCKET);
  if (listening != INVALID_SOCKET) ::close(listening);
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
  const int on = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // as set_tcp_nodelay asks, on this socket too
  BoundedStream stream(sock, milliseconds(read_timeout_sec_, read_timeout_usec_),
                       milliseconds(write_timeout_sec_, write_timeout_usec_), stopEvent_);
  bool ok = true;
  for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.nextRequestArrives(static_cast<int>(keep_alive_timeout_sec_ * 1000))) break;
    stream.startRequest();
    bool closed = false, bodyEndUnknown = false;
    // Headers read, body not yet: see body_framing.h.
    const auto checkFraming = [&](httplib::Request& request) {
      if (bodyFramingError(request.headers, kMaxRequestBytes)) {
        // Answered at once by the pre-routing handler; the connection closes after.
        bodyEndUnknown = true;
        request.headers.erase("Connection");
        request.set_header("Connection", "close");
      } else if (isChunked(request.headers)) {
        stream.followChunkedBody();
      } else if (saysNoBody(request.headers)) {
        request.set_header("Content-Length", "0");  // else the library reads until the client closes
      }
    };
    ok = process_request(stream, left == 1 || stopRequested_, closed, checkFraming);
    // A request that used up its budget, or whose body's end is unknown, has left the stream out of step.
    if (!ok || closed || bodyEndUnknown || stream.exhausted() || stream.framingBroken()) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace lofi::server
