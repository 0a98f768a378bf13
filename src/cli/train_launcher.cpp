#include "cli/train_launcher.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "cli/commands.h"

namespace lofi::cli {

namespace fs = std::filesystem;

void addTrainLauncher(CLI::App& app) {
  // Never parsed: main hands `lofi train ...` to lofi-train before parsing.
  app.add_subcommand("train", kTrainSummary)->allow_extras();
}

bool isTrainCommand(int argc, char** argv) { return argc > 1 && std::string_view(argv[1]) == "train"; }

int runTrainingProgram(int argc, char** argv) {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) {
    std::fprintf(stderr, "lofi: error: cannot find lofi-train: /proc/self/exe: %s\n", error.message().c_str());
    return 1;
  }
  const std::string program = (self.parent_path() / "lofi-train").string();
  std::vector<char*> arguments(argv, argv + argc);
  arguments[0] = const_cast<char*>(program.c_str());
  arguments.push_back(nullptr);
  execv(program.c_str(), arguments.data());
  if (errno == ENOENT)
    std::fprintf(stderr, "lofi: error: training needs %s, which is missing (`make lofi-train` builds it, with LibTorch)\n",
                 program.c_str());
  else
    std::fprintf(stderr, "lofi: error: cannot run %s: %s\n", program.c_str(), std::strerror(errno));
  return 1;
}

}  // namespace lofi::cli
