#include "server/bounded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>

namespace lofi::server {
namespace {

// Waits until the socket can be read (or written); false on timeout or error.
bool waitFor(socket_t sock, short events, int timeoutMs) {
  pollfd entry{sock, events, 0};
  for (;;) {
    const int ready = ::poll(&entry, 1, timeoutMs);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0 && (entry.revents & (events | POLLHUP | POLLERR)) != 0;
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
class BoundedStream : public httplib::Stream {
 public:
  BoundedStream(socket_t sock, int readTimeoutMs, int writeTimeoutMs)
      : sock_(sock), readTimeoutMs_(readTimeoutMs), writeTimeoutMs_(writeTimeoutMs) {}

  void startRequest() { used_ = 0; }
  bool exhausted() const { return used_ >= kMaxRequestBytes; }
  // Waits up to `timeoutMs` for the next request to begin.
  bool nextRequestArrives(int timeoutMs) { return buffered() > 0 || waitFor(sock_, POLLIN, timeoutMs); }

  bool is_readable() const override { return buffered() > 0 || waitFor(sock_, POLLIN, readTimeoutMs_); }
  bool is_writable() const override { return waitFor(sock_, POLLOUT, writeTimeoutMs_); }

  ssize_t read(char* ptr, size_t size) override {
    if (exhausted()) return -1;
    size = std::min(size, kMaxRequestBytes - used_);
    if (buffered() == 0) {
      if (!waitFor(sock_, POLLIN, readTimeoutMs_)) return -1;
      const ssize_t got = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      if (got <= 0) return got;
      begin_ = 0;
      end_ = static_cast<std::size_t>(got);
    }
    const std::size_t count = std::min(size, buffered());
    std::copy_n(buffer_.data() + begin_, count, ptr);
    begin_ += count;
    used_ += count;
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
  std::array<char, 4096> buffer_{};
  std::size_t begin_ = 0, end_ = 0;
  std::size_t used_ = 0;
};

}  // namespace

bool BoundedServer::raiseBacklog(int backlog) {
  return svr_sock_ != INVALID_SOCKET && ::listen(svr_sock_, backlog) == 0;
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
  const int on = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // as set_tcp_nodelay asks, on this socket too
  BoundedStream stream(sock, milliseconds(read_timeout_sec_, read_timeout_usec_),
                       milliseconds(write_timeout_sec_, write_timeout_usec_));
  bool ok = true;
  for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.nextRequestArrives(static_cast<int>(keep_alive_timeout_sec_ * 1000))) break;
    stream.startRequest();
    bool closed = false;
    ok = process_request(stream, left == 1, closed, nullptr);
    // A request that used up its budget has left the stream out of step.
    if (!ok || closed || stream.exhausted()) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace lofi::server
