// `lofi train` is a program of its own, lofi-train, beside lofi in the same
// folder: LibTorch (a few hundred MB of shared libraries) is then loaded by
// training alone, never by serve, generate, render or the other commands.
// lofi lists `train` in its help and hands the command line over to lofi-train.
#pragma once

#include <CLI/CLI.hpp>

namespace lofi::cli {

// Lists `train` in lofi's help; lofi-train answers `lofi train --help` itself.
void addTrainLauncher(CLI::App& app);

// True when the command line is `lofi train ...`.
bool isTrainCommand(int argc, char** argv);

// Replaces this process by lofi-train from the folder of the running lofi
// (/proc/self/exe), with the same arguments. Returns only when that fails,
// after one line on stderr naming the program it looked for; the result is
// the exit code.
int runTrainingProgram(int argc, char** argv);

}  // namespace lofi::cli
