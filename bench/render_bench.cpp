// lofi-bench-render [MIDI] [--repeat N] [--soundfont FILE]
// Seconds of audio rendered per second of wall time, with and without the
// lo-fi chain, on a bundled example repeated end to end. Target: 100x.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "audio/render_pipeline.h"
#include "audio/soundfont.h"
#include "music/score_io.h"

namespace {

using lofi::Score;

// The score played `times` times in a row, each copy starting on a bar line.
Score repeatScore(const Score& score, int times) {
  const std::int64_t bar = 4LL * score.ticksPerQuarter;
  const std::int64_t length = (score.endTick() + bar - 1) / bar * bar;
  Score repeated = score;
  for (auto& part : repeated.parts) part.notes.clear();
  for (int copy = 0; copy < times; ++copy)
    for (std::size_t p = 0; p < score.parts.size(); ++p)
      for (lofi::Note note : score.parts[p].notes) {
        note.startTick += copy * length;
        note.endTick += copy * length;
        repeated.parts[p].notes.push_back(note);
      }
  return repeated;
}

struct Result {
  double audioSeconds;
  double wallSeconds;
  double cpuSeconds;  // all threads: tells a busy machine from a slow program
};

double cpuSecondsNow() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + now.tv_nsec * 1e-9;
}

Result measure(lofi::FluidsynthRenderer& renderer, const Score& score, bool lofi) {
  lofi::RenderPipelineOptions options;
  options.lofi = lofi;
  const auto start = std::chrono::steady_clock::now();
  const double cpuStart = cpuSecondsNow();
  const lofi::AudioBuffer audio = lofi::renderScore(renderer, score, options);
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  return {audio.seconds(), wall.count(), cpuSecondsNow() - cpuStart};
}

}  // namespace

int main(int argc, char** argv) {
  std::string midi = std::string(LOFI_SOURCE_DIR) + "/examples/late-bus.mid";
  std::string soundfont;
  int repeat = 10;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--soundfont") && i + 1 < argc) soundfont = argv[++i];
    else midi = argv[i];
  }
  try {
    const Score score = repeatScore(lofi::readScore(midi), repeat);
    const auto loadStart = std::chrono::steady_clock::now();
    lofi::FluidsynthRenderer renderer(lofi::findSoundfont(soundfont));
    const std::chrono::duration<double> load = std::chrono::steady_clock::now() - loadStart;
    std::printf("lofi-bench-render: %s x%d, %d notes, soundfont %s (loaded in %.2f s)\n\n", midi.c_str(), repeat,
                score.noteCount(), renderer.soundfontPath().c_str(), load.count());
    std::printf("| lo-fi chain | audio (s) | wall (s) | times real time | CPU (s) |\n|---|---:|---:|---:|---:|\n");
    for (bool lofi : {false, true}) {
      const Result result = measure(renderer, score, lofi);
      std::printf("| %s | %.1f | %.3f | %.0fx | %.3f |\n", lofi ? "on" : "off", result.audioSeconds, result.wallSeconds,
                  result.audioSeconds / result.wallSeconds, result.cpuSeconds);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-render: error: %s\n", error.what());
    return 1;
  }
  return 0;
}
