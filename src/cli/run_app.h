// What the two lofi programs share: `lofi` and `lofi-train` (which `lofi
// train` runs) answer --help and --version alike, and any error ends here as
// one line on stderr and a non-zero exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace lofi::cli {

// The version flag and the help layout.
void configureApp(CLI::App& app);

// Parses the arguments and runs the chosen command; returns the exit code.
int runApp(CLI::App& app, int argc, char** argv);

}  // namespace lofi::cli
