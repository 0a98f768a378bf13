// cpp-httplib's server with the connection loop replaced, to close holes the
// Debian build (0.11.4) leaves open:
// - it reads request headers without any limit on their number, so one
//   client streaming header lines grows the server's memory without end; here
//   each request may read at most kMaxRequestBytes from the socket (headers and
//   body), after which the connection is closed;
// - it listens with a backlog of 5, so a burst of new connections waits a
//   second for SYNs to be resent; here the backlog is raised;
// - it waits on the socket alone between requests, so a request already in its
//   read buffer (pipelined) is never answered; here the buffer is checked first;
// - its stop() does nothing until the accept loop has started, so a stop asked
//   for just before is lost, and it leaves idle keep-alive connections waiting
//   out their timeout; here a stop asked for at any moment ends serve() at once.
// - it believes whatever a request says of its body's length, and waits out
//   the read timeout for bodies that never end (see body_framing.h); here such
//   a request closes its connection, and one that says nothing has no body.
//   Its answer is the pre-routing handler's, which must refuse every request
//   for which bodyFramingError() says something, without reading the body.
// Everything else (parsing, routing, writing) is the library's own.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <mutex>

namespace lofi::server {

// Headers and body of one request, as read from the socket. Larger bodies
// than the library's payload limit (1 MB) are skipped, which counts too.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{4} << 20;
inline constexpr int kListenBacklog = 1024;

class BoundedServer : public httplib::Server {
 public:
  BoundedServer();
  ~BoundedServer() override;
  BoundedServer(const BoundedServer&) = delete;
  BoundedServer& operator=(const BoundedServer&) = delete;

  // Call after binding: listens again on the bound socket with a larger backlog.
  bool raiseBacklog(int backlog = kListenBacklog);

  // Serves on the bound socket until requestStop(); false if the listening
  // socket failed. Returns at once if a stop was asked for before.
  bool serve();
  // From any thread, at any moment (before binding too): no new connection is
  // accepted, connections waiting for a request or its bytes are closed, and
  // requests being answered are answered in full, with `Connection: close`.
  void requestStop();
  bool stopRequested() const { return stopRequested_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void closeListeningSocket();

  std::mutex listeningMutex_;  // between requestStop() and serve() about the listening socket
  std::atomic<bool> stopRequested_{false};
  int stopEvent_ = -1;  // an eventfd, readable once a stop is asked for
};

}  // namespace lofi::server
