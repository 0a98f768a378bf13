// Each `lofi` subcommand registers itself on the application here; the
// command files hold only argument handling and printing over the libraries.
#pragma once

#include <CLI/CLI.hpp>

namespace lofi::cli {

void addEncodeCommand(CLI::App& app);
void addDecodeCommand(CLI::App& app);
// `lofi train` lives in its own program, lofi-train (train_launcher.h);
// lofi lists it in its help with the same summary.
inline constexpr const char* kTrainSummary = "Train an LSTM on MIDI files or tokens";
void addTrainCommand(CLI::App& app);
void addGenerateCommand(CLI::App& app);
void addEvaluateCommand(CLI::App& app);
void addSongCommand(CLI::App& app);
void addStatsCommand(CLI::App& app);
void addRenderCommand(CLI::App& app);
void addAssetsCommand(CLI::App& app);
void addCorpusCommand(CLI::App& app);
void addServeCommand(CLI::App& app);

}  // namespace lofi::cli
