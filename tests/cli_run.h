// Runs the `lofi` program for command-line tests and captures what it printed.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lofi::test {

struct CliResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `arguments` is pasted into a shell command line: quote paths with spaces.
inline CliResult runLofi(const std::string& arguments) {
  const auto folder = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const auto outPath = folder / ("lofi-cli-out-" + tag), errPath = folder / ("lofi-cli-err-" + tag);
  const std::string command =
      std::string(LOFI_BINARY) + " " + arguments + " > " + outPath.string() + " 2> " + errPath.string();
  const int status = std::system(command.c_str());
  CliResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(outPath);
  result.err = slurp(errPath);
  std::filesystem::remove(outPath);
  std::filesystem::remove(errPath);
  return result;
}

inline int lineCount(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace lofi::test
