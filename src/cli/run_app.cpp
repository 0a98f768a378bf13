#include "cli/run_app.h"

#include <cstdio>
#include <exception>
#include <string>

namespace lofi::cli {

void configureApp(CLI::App& app) {
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(LOFI_VERSION));
  app.get_formatter()->column_width(34);
}

int runApp(CLI::App& app, int argc, char** argv) {
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

}  // namespace lofi::cli
