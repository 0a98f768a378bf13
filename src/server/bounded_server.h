// cpp-httplib's server with the connection loop replaced, to close holes the
// Debian build (0.11.4) leaves open:
// - it reads request headers without any limit on their number, so one
//   client streaming header lines grows the server's memory without end; here
//   each request may read at most kMaxRequestBytes from the socket (headers and
//   body), after which the connection is closed;
// - it listens with a backlog of 5, so a burst of new connections waits a
//   second for SYNs to be resent; here the backlog is raised;
// - it waits on the socket alone between requests, so a request already in its
//   read buffer (pipelined) is never answered; here the buffer is checked first.
// Everything else (parsing, routing, writing) is the library's own.
#pragma once

#include <httplib.h>

#include <cstddef>

namespace lofi::server {

// Headers and body of one request, as read from the socket. Larger bodies
// than the library's payload limit (1 MB) are skipped, which counts too.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{4} << 20;
inline constexpr int kListenBacklog = 1024;

class BoundedServer : public httplib::Server {
 public:
  // Call after binding: listens again on the bound socket with a larger backlog.
  bool raiseBacklog(int backlog = kListenBacklog);

 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace lofi::server
