// lofi-bench-corpus: how fast the composer writes a corpus.
//
// Times three depths for N pieces (default 2,000, seed 1): composing the
// Scores in memory, composing and serialising them to MIDI bytes, and the
// whole `lofi corpus` path (writing the files atomically into a temporary
// folder, removed afterwards). Prints the median and fastest of a few passes,
// and pieces per second.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

#include "music/composer/corpus_writer.h"
#include "music/composer/piece.h"
#include "music/composer/random.h"
#include "music/midi_file.h"
#include "music/score_io.h"

namespace {

using namespace lofi;
using namespace lofi::composer;

struct Options {
  int songs = 2000;
  std::uint64_t seed = 1;
  int repeats = 3;
  int threads = 2;
};

struct Stage {
  std::string name;
  std::function<std::size_t()> pass;  // returns a count that keeps the work from being optimised away
  std::string countName;
};

void run(const Options& options) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / ("lofi-bench-corpus-" + std::to_string(::getpid()));
  const std::vector<Stage> stages = {
      {"compose (in memory, 1 thread)",
       [&] {
         std::size_t notes = 0;
         for (int i = 0; i < options.songs; ++i)
           notes += static_cast<std::size_t>(composePiece(pieceSeed(options.seed, static_cast<std::uint64_t>(i))).score.noteCount());
         return notes;
       },
       "notes"},
      {"compose + MIDI bytes (1 thread)",
       [&] {
         std::size_t bytes = 0;
         for (int i = 0; i < options.songs; ++i)
           bytes += midi::serialize(midiFromScore(composePiece(pieceSeed(options.seed, static_cast<std::uint64_t>(i))).score)).size();
         return bytes;
       },
       "bytes"},
      {"lofi corpus (files, " + std::to_string(options.threads) + " threads)",
       [&] {
         fs::remove_all(folder);
         writeCorpus({options.songs, options.seed, folder.string(), options.threads});
         return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
       },
       "files"},
  };
  std::printf("| %-36s | %6s | %-16s | %10s | %10s | %12s |\n", "stage", "pieces", "work", "median s", "fastest s",
              "pieces / s");
  std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(38, '-').c_str(), std::string(8, '-').c_str(),
              std::string(18, '-').c_str(), std::string(12, '-').c_str(), std::string(12, '-').c_str(),
              std::string(14, '-').c_str());
  for (const Stage& stage : stages) {
    std::vector<double> seconds;
    std::size_t count = 0;
    for (int r = 0; r < options.repeats; ++r) {
      const auto start = std::chrono::steady_clock::now();
      count = stage.pass();
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    const std::string work = std::to_string(count) + " " + stage.countName;
    std::printf("| %-36s | %6d | %-16s | %10.3f | %10.3f | %12.0f |\n", stage.name.c_str(), options.songs, work.c_str(),
                median, seconds.front(), options.songs / median);
  }
  fs::remove_all(folder);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Times the corpus composer: composing, serialising, writing files", "lofi-bench-corpus"};
  app.add_option("--songs", options.songs, "Pieces per pass")->check(CLI::Range(1, kMaxCorpusSongs))->capture_default_str();
  app.add_option("--seed", options.seed, "Corpus seed")->capture_default_str();
  app.add_option("--repeat", options.repeats, "Timed passes per stage")->check(CLI::Range(1, 100))->capture_default_str();
  app.add_option("--threads", options.threads, "Threads for the file-writing stage")->check(CLI::Range(1, 64))->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-corpus: %s\n", error.what());
    return 1;
  }
  return 0;
}
