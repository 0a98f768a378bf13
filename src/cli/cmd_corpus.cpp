// lofi corpus --songs N --seed S --out DIR [--threads T]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "music/composer/corpus_writer.h"

namespace lofi::cli {
namespace {

void run(const composer::CorpusOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  {
    ProgressBar bar("composing");
    std::mutex drawing;  // pieces are written from several threads
    composer::writeCorpus(options, [&](int done) {
      std::lock_guard lock(drawing);
      bar.update(static_cast<double>(done) / options.songs);
    });
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "wrote %d pieces to %s (seed %llu) in %.2f s\n", options.songs, options.outDir.c_str(),
               static_cast<unsigned long long>(options.seed), seconds);
}

}  // namespace

void addCorpusCommand(CLI::App& app) {
  auto options = std::make_shared<composer::CorpusOptions>();
  options->threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 64u));
  CLI::App* cmd = app.add_subcommand("corpus", "Compose a corpus of lo-fi pieces as labelled MIDI files");
  cmd->add_option("--songs,-n", options->songs, "How many pieces")
      ->check(CLI::Range(1, composer::kMaxCorpusSongs))
      ->capture_default_str();
  cmd->add_option("--seed,-s", options->seed, "Same seed, same pieces")->capture_default_str();
  cmd->add_option("--out,-o", options->outDir, "Folder to write piece-0001.mid... into (created if missing)")
      ->required();
  cmd->add_option("--threads", options->threads, "Pieces written in parallel (the pieces do not depend on it)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->callback([options] { run(*options); });
}

}  // namespace lofi::cli
