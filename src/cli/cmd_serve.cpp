// lofi serve [--host 127.0.0.1] [--port 8080] [--model FILE] [--threads N] [--web DIR] [--assets DIR]
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <pthread.h>
#include <stdexcept>
#include <thread>
#include <unistd.h>

#include "cli/commands.h"
#include "server/http_server.h"

namespace lofi::cli {
namespace {

namespace fs = std::filesystem;

// The folder of the running program: build/ when run as ./build/lofi.
fs::path programFolder() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::current_path() : self.parent_path();
}

sigset_t stopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

// Ctrl-C and SIGTERM stop the server from a thread of its own: stopping is
// not something a signal handler may do. The signals must be blocked in
// every thread first (see run).
std::thread stopOnSignal(server::HttpServer& httpServer) {
  const sigset_t signals = stopSignals();
  return std::thread([signals, &httpServer] {
    int received = 0;
    sigwait(&signals, &received);
    if (received != 0) httpServer.stop();
  });
}

// Serves until a signal stops the server; false if its listening socket failed.
// The server is gone (connections closed, workers joined) when this returns.
bool serveUntilStopped(const server::ServerOptions& options) {
  server::HttpServer httpServer(options);
  httpServer.bind();
  for (const std::string& warning : httpServer.warnings()) std::fprintf(stderr, "lofi serve: warning: %s\n", warning.c_str());
  // A signal that came while the server was loading or binding is pending:
  // the waiter takes it at once, and run() then returns at once.
  std::thread waiter = stopOnSignal(httpServer);
  std::printf("lofi serve: listening on %s\n", httpServer.url().c_str());
  std::fflush(stdout);
  const bool ok = httpServer.run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if the server stopped by itself
  waiter.join();
  return ok;
}

void run(server::ServerOptions options) {
  const fs::path folder = programFolder();
  if (options.webFolder.empty()) options.webFolder = (folder / "web").string();
  if (options.assetsFolder.empty()) options.assetsFolder = (folder / "assets").string();
  // Blocked before any thread starts, so that every thread inherits the mask.
  const sigset_t signals = stopSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  if (!serveUntilStopped(options)) throw std::runtime_error("the server stopped: its listening socket failed");
  std::fprintf(stderr, "lofi serve: stopped\n");
}

}  // namespace

void addServeCommand(CLI::App& app) {
  auto options = std::make_shared<server::ServerOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the web player, its assets and the generation API");
  cmd->add_option("--host", options->host, "Address to listen on (loopback unless told otherwise)")->capture_default_str();
  cmd->add_option("--port,-p", options->port, "Port (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->add_option("--model,-m", options->modelPath, "Model file (default: the embedded default model)");
  cmd->add_option("--threads", options->computeThreads, "Generations, renders and speech at once (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--web", options->webFolder, "The built page (default: web/ beside the program)");
  cmd->add_option("--assets", options->assetsFolder, "The assets of `lofi assets` (default: assets/ beside the program)");
  cmd->add_option("--connections", options->connectionThreads, "Connections served at once")
      ->check(CLI::Range(4, 4096))
      ->capture_default_str();
  cmd->add_option("--max-batch", options->maxBatch, "Tracks stepped through the model together at most")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--batch-window", options->batchWindowMicroseconds,
                  "Microseconds an idle worker waits for more tracks to batch with the first")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  cmd->add_flag("--log", options->logRequests, "Print one line per request on stderr");
  cmd->callback([options] { run(*options); });
}

}  // namespace lofi::cli
