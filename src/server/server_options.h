// Everything `lofi serve` can be told, as plain data with its defaults here.
#pragma once

#include <string>

namespace lofi::server {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (tests)
  int computeThreads = 0;          // generation, rendering and speech at once; 0: one per core
  int connectionThreads = 128;     // connections served at once (a keep-alive connection holds one)
  std::string webFolder;           // the built page, served at /
  std::string assetsFolder;        // `lofi assets` output, served at /assets/
  std::string modelPath;           // empty: the default model
  // Generate requests are stepped through the network together, up to
  // maxBatch at once; a batch gathers until no request has arrived for this
  // long (see generation_batcher.h).
  int batchWindowMicroseconds = 10000;
  int maxBatch = 8;
  bool logRequests = false;
};

}  // namespace lofi::server
