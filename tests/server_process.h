// Starts the built `lofi serve` on a free loopback port for a test, reads the
// address it prints, and stops it with SIGTERM at the end.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

class ServerProcess {
 public:
  struct Launch {
    bool waitForAddress = true;  // false: return at once, read it later with readAddress()
    std::string errorFile;       // non-empty: the process's stderr goes there instead of the test's
  };

  explicit ServerProcess(std::vector<std::string> arguments) : ServerProcess(std::move(arguments), Launch{}) {}

  ServerProcess(std::vector<std::string> arguments, const Launch& launch) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      // As from a terminal, whatever the test runner ignores or blocks
      // (a script's background job ignores SIGINT).
      signal(SIGINT, SIG_DFL);
      signal(SIGTERM, SIG_DFL);
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      if (!launch.errorFile.empty()) {
        const int err = open(launch.errorFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err >= 0) dup2(err, STDERR_FILENO);
      }
      std::vector<char*> argv;
      std::string binary = LOFI_BINARY;
      argv.push_back(binary.data());
      for (std::string& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    output_ = fdopen(out[0], "r");
    if (!output_) throw std::runtime_error("fdopen failed");
    if (launch.waitForAddress) readAddress();
  }

  ~ServerProcess() {
    if (pid_ > 0 && exitCode_ < 0) stop();
    if (output_) std::fclose(output_);
  }

  // Reads the line `lofi serve: listening on http://127.0.0.1:PORT`.
  void readAddress() {
    char line[512];
    if (!std::fgets(line, sizeof line, output_)) throw std::runtime_error("lofi serve printed nothing");
    firstLine_ = line;
    const std::string marker = "http://127.0.0.1:";
    const std::size_t at = firstLine_.find(marker);
    if (at == std::string::npos) throw std::runtime_error("unexpected first line: " + firstLine_);
    port_ = std::stoi(firstLine_.substr(at + marker.size()));
  }

  // Sends SIGTERM and returns the exit code (-1 if it hung).
  int stop() { return signalAndWait(SIGTERM, std::chrono::seconds(5)); }

  // Sends `signal` and waits up to `limit` for the process to end. Returns its
  // exit code (128 + the signal's number if a signal ended it), or -1 if it
  // was still running (it is then killed).
  int signalAndWait(int signal, std::chrono::milliseconds limit) {
    if (exitCode_ >= 0 || pid_ <= 0) return exitCode_;
    kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
      if (!running()) return exitCode_;
      if (std::chrono::steady_clock::now() >= deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    exitCode_ = 255;
    return -1;
  }

  // False once the process has ended (a crash included).
  bool running() {
    if (pid_ <= 0 || exitCode_ >= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
    exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& firstLine() const { return firstLine_; }

 private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  std::string firstLine_;
  int port_ = 0;
  int exitCode_ = -1;
};
