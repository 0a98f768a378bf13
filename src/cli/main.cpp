// `lofi`: the command-line program. Any error ends here as one line on stderr
// and a non-zero exit code.
#include <cstdio>
#include <exception>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"lofi: a lo-fi hip hop station whose solos are written by a neural network", "lofi"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(LOFI_VERSION));
  app.get_formatter()->column_width(34);
  lofi::cli::addEncodeCommand(app);
  lofi::cli::addDecodeCommand(app);
  lofi::cli::addTrainCommand(app);
  lofi::cli::addGenerateCommand(app);
  lofi::cli::addEvaluateCommand(app);
  lofi::cli::addStatsCommand(app);
  lofi::cli::addSongCommand(app);
  lofi::cli::addRenderCommand(app);
  lofi::cli::addAssetsCommand(app);
  lofi::cli::addCorpusCommand(app);
  lofi::cli::addServeCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    std::fprintf(stderr, "lofi: error: %s (see lofi --help)\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi: error: %s\n", error.what());
    return 1;
  }
  return 0;
}
