// `lofi-train`: the train command as a program of its own, so that LibTorch
// is loaded by training alone. `lofi train ARGS` runs it with lofi's
// arguments (`lofi-train train ARGS`); it sits beside `lofi` in the build folder.
#include "cli/commands.h"
#include "cli/run_app.h"

int main(int argc, char** argv) {
  CLI::App app{"lofi-train: trains lofi's LSTM; run it as `lofi train`", "lofi"};
  lofi::cli::configureApp(app);
  lofi::cli::addTrainCommand(app);
  return lofi::cli::runApp(app, argc, argv);
}
