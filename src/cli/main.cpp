// `lofi`: the command-line program. Any error ends here as one line on stderr
// and a non-zero exit code.
#include "cli/commands.h"
#include "cli/run_app.h"
#include "cli/train_launcher.h"

int main(int argc, char** argv) {
  // `lofi train` is the training program, lofi-train, which alone links LibTorch.
  if (lofi::cli::isTrainCommand(argc, argv)) return lofi::cli::runTrainingProgram(argc, argv);

  CLI::App app{"lofi: a lo-fi hip hop station whose solos are written by a neural network", "lofi"};
  lofi::cli::configureApp(app);
  lofi::cli::addEncodeCommand(app);
  lofi::cli::addDecodeCommand(app);
  lofi::cli::addTrainLauncher(app);
  lofi::cli::addGenerateCommand(app);
  lofi::cli::addEvaluateCommand(app);
  lofi::cli::addStatsCommand(app);
  lofi::cli::addSongCommand(app);
  lofi::cli::addRenderCommand(app);
  lofi::cli::addAssetsCommand(app);
  lofi::cli::addCorpusCommand(app);
  lofi::cli::addServeCommand(app);
  return lofi::cli::runApp(app, argc, argv);
}
