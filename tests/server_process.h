// Starts the built `lofi serve` on a free loopback port for a test, reads the
// address it prints, and stops it with SIGTERM at the end.
#pragma once

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
  explicit ServerProcess(std::vector<std::string> arguments) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
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
    char line[512];
    if (!output_ || !std::fgets(line, sizeof line, output_)) throw std::runtime_error("lofi serve printed nothing");
    firstLine_ = line;
    const std::string marker = "http://127.0.0.1:";
    const std::size_t at = firstLine_.find(marker);
    if (at == std::string::npos) throw std::runtime_error("unexpected first line: " + firstLine_);
    port_ = std::stoi(firstLine_.substr(at + marker.size()));
  }

  ~ServerProcess() {
    if (pid_ > 0 && exitCode_ < 0) stop();
    if (output_) std::fclose(output_);
  }

  // Sends SIGTERM and returns the exit code (-1 if killed or it hung).
  int stop() {
    if (exitCode_ >= 0 || pid_ <= 0) return exitCode_;
    kill(pid_, SIGTERM);
    for (int waited = 0; waited < 100; ++waited) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exitCode_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
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
