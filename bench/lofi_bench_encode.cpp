// lofi-bench-encode: how fast the corpus is read and encoded.
//
// Times whole passes over a folder of MIDI files (by default the 92-file
// piano-composer corpus) at three depths: reading and parsing the SMF bytes,
// then also building Scores, then the full encoding to tokens. Prints the
// median and fastest wall time per pass and the speed-up over music21, timed
// side by side: one run of music21 8.1 on the same folder through
// ../shared/oracles/music21_tokens.py (the seed's code), unless --music21-seconds
// gives the figure.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "music/encoding.h"
#include "music/midi_file.h"
#include "music/midi_folder.h"
#include "music/score_io.h"

namespace {

using namespace lofi;

// One run of music21 8.1 over the folder with the seed's code (converter.parse,
// partitionByInstrument, one token per element), wall seconds; 0 if it fails.
double timeMusic21(const std::string& oracle, const std::string& folder) {
  const std::string command = "/usr/bin/python3 '" + oracle + "' '" + folder + "' > /dev/null 2>&1";
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return status == 0 ? seconds : 0;
}

struct Stage {
  std::string name;
  // Runs one pass over the files; returns a count (tokens or notes) that
  // also keeps the work from being optimised away.
  std::function<std::size_t(const std::vector<std::string>&)> pass;
  std::string countName;
};

struct Timing {
  double medianSeconds = 0;
  double fastestSeconds = 0;
  std::size_t count = 0;
};

Timing timeStage(const Stage& stage, const std::vector<std::string>& files, int repeats) {
  Timing timing;
  timing.count = stage.pass(files);  // warm-up: the file cache, the allocator
  std::vector<double> seconds;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    timing.count = stage.pass(files);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  timing.medianSeconds = seconds[seconds.size() / 2];
  timing.fastestSeconds = seconds.front();
  return timing;
}

// Files the reader rejects: a benchmark of a corpus should not silently time fewer files.
std::vector<std::string> readableFiles(const std::vector<std::string>& files) {
  std::vector<std::string> readable;
  for (const std::string& path : files) {
    try {
      midi::readFile(path);
      readable.push_back(path);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "lofi-bench-encode: skipping %s\n", error.what());
    }
  }
  return readable;
}

std::vector<Stage> stages(const Encoding* encoding) {
  std::vector<Stage> list = {
      {"read + parse SMF",
       [](const std::vector<std::string>& files) {
         std::size_t events = 0;
         for (const std::string& path : files)
           for (const midi::Track& track : midi::readFile(path).tracks) events += track.events.size();
         return events;
       },
       "events"},
      {"read + parse + scoreFromMidi",
       [](const std::vector<std::string>& files) {
         std::size_t notes = 0;
         for (const std::string& path : files) notes += static_cast<std::size_t>(readScore(path).noteCount());
         return notes;
       },
       "notes"},
  };
  if (encoding) {
    list.push_back({"read + encode (" + encoding->name() + ")",
                    [encoding](const std::vector<std::string>& files) {
                      std::size_t tokens = 0;
                      for (const std::string& path : files) tokens += encoding->encodeMidi(midi::readFile(path)).size();
                      return tokens;
                    },
                    "tokens"});
  }
  return list;
}

void printTable(const std::vector<Stage>& list, const std::vector<Timing>& timings, std::size_t fileCount,
                double music21Seconds) {
  std::printf("| %-34s | %5s | %-14s | %10s | %10s | %19s |\n", "stage (one pass over the corpus)", "files", "work",
              "median ms", "fastest ms", "music21 / median");
  std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(7, '-').c_str(),
              std::string(16, '-').c_str(), std::string(12, '-').c_str(), std::string(12, '-').c_str(),
              std::string(21, '-').c_str());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Timing& t = timings[i];
    const std::string work = std::to_string(t.count) + " " + list[i].countName;
    std::printf("| %-34s | %5zu | %-14s | %10.2f | %10.2f | %18.0fx |\n", list[i].name.c_str(), fileCount,
                work.c_str(), t.medianSeconds * 1e3, t.fastestSeconds * 1e3, music21Seconds / t.medianSeconds);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(LOFI_SHARED_DIR) + "/corpora/piano-composer/midi";
  std::string encodingName = "classic";
  int repeats = 20;
  CLI::App app{"Times reading and encoding a folder of MIDI files (median of N passes)", "lofi-bench-encode"};
  app.add_option("corpus", corpus, "Folder of MIDI files")->capture_default_str();
  auto* encodingOption =
      app.add_option("--encoding,-e", encodingName, "Encoding to time")->capture_default_str();
  app.add_option("--repeat,-n", repeats, "Timed passes per stage")->check(CLI::Range(1, 10000))->capture_default_str();
  std::string oracle = std::string(LOFI_SHARED_DIR) + "/oracles/music21_tokens.py";
  double music21Seconds = 0;
  app.add_option("--music21", oracle, "music21 8.1 token script, run once on the folder and timed")->capture_default_str();
  app.add_option("--music21-seconds", music21Seconds, "Use this music21 time instead of running it");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<Encoding> encoding;
  try {
    encoding = makeEncoding(encodingName);
  } catch (const std::invalid_argument& error) {
    // Until an encoding is built in, the reader alone is timed; a name asked for explicitly must exist.
    if (encodingOption->count() > 0) {
      std::fprintf(stderr, "lofi-bench-encode: %s\n", error.what());
      return 1;
    }
    std::fprintf(stderr, "lofi-bench-encode: %s; timing the reader only\n", error.what());
  }
  std::vector<std::string> files;
  try {
    files = readableFiles(listMidiFiles(corpus));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-encode: %s\n", error.what());
    return 1;
  }
  if (files.empty()) {
    std::fprintf(stderr, "lofi-bench-encode: no readable MIDI files in %s\n", corpus.c_str());
    return 1;
  }
  std::uintmax_t bytes = 0;
  for (const std::string& path : files) bytes += std::filesystem::file_size(path);
  std::printf("corpus: %s (%zu files, %.0f KB), %d timed passes per stage after one warm-up\n\n",
              std::filesystem::weakly_canonical(corpus).c_str(),
              files.size(), bytes / 1024.0, repeats);

  const std::vector<Stage> list = stages(encoding.get());
  std::vector<Timing> timings;
  for (const Stage& stage : list) timings.push_back(timeStage(stage, files, repeats));
  bool measured = false;
  if (music21Seconds <= 0) {
    music21Seconds = timeMusic21(oracle, corpus);
    measured = music21Seconds > 0;
  }
  if (music21Seconds <= 0) {
    std::fprintf(stderr, "lofi-bench-encode: music21 could not be run (%s); no speed-up printed\n", oracle.c_str());
    music21Seconds = 0;
  }
  printTable(list, timings, files.size(), music21Seconds);
  std::printf("\nmusic21 8.1 read and encoded this folder with the seed's code in %.1f s (%s).\n"
              "The last column divides that by our median; for the stages short of encoding it is only\n"
              "an upper bound on the whole pipeline's speed-up.\n",
              music21Seconds, measured ? "timed here, one run" : "given with --music21-seconds");
  return 0;
}
