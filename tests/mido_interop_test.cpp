// Files we write must open in other programs: a format-1 file written by
// writeScore is read back by Debian's python3-mido (tests/mido_read.py) and
// must hold the same notes, tempi, meters, labels and track names.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "music/score_io.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

const char* kPython = "/usr/bin/python3";  // Debian's, which has python3-mido

struct CommandResult {
  int status = -1;
  std::string output;
};

CommandResult runCommand(const std::string& command) {
  CommandResult result;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.output.append(buffer, read);
  result.status = pclose(pipe);
  return result;
}

// Three parts on their own channels, one of them drums; two tempi, two
// meters, a key and chord labels; overlapping and repeated notes.
Score bandScore() {
  Score score;
  score.ticksPerQuarter = 480;
  score.tempos = {{0, 857143}, {3840, 750000}};
  score.timeSignatures = {{0, 4, 4}, {3840, 3, 4}};
  score.keySignatures = {{0, -3, false}};
  score.labels = {{0, 0x06, "Ebmaj7"}, {1920, 0x06, "Cm7"}, {3840, 0x01, "bridge"}};
  Part keys;
  keys.name = "Rhodes";
  keys.program = 4;
  keys.channel = 0;
  keys.notes = {{0, 1920, 51, 70, 0}, {0, 1920, 55, 70, 0}, {0, 1920, 58, 70, 0}, {1920, 2400, 60, 90, 0},
                {2400, 2880, 60, 85, 0}, {2880, 4320, 63, 80, 0}};
  Part bass;
  bass.name = "Bass";
  bass.program = 33;
  bass.channel = 1;
  bass.notes = {{0, 960, 39, 100, 1}, {960, 1920, 43, 100, 1}, {3840, 5280, 36, 100, 1}};
  Part drums;
  drums.name = "Drums";
  drums.isDrum = true;
  drums.channel = kDrumChannel;
  for (int beat = 0; beat < 8; ++beat)
    drums.notes.push_back({beat * 480, beat * 480 + 60, beat % 2 ? 38 : 36, 110, kDrumChannel});
  score.parts = {keys, bass, drums};
  return score;
}

nlohmann::json readWithMido(const fs::path& file) {
  const fs::path script = fs::path(LOFI_SOURCE_DIR) / "tests" / "mido_read.py";
  const CommandResult result = runCommand(std::string(kPython) + " '" + script.string() + "' '" + file.string() + "'");
  if (result.status != 0) {
    ADD_FAILURE() << "mido could not read " << file << " (is python3-mido installed? scripts/setup.sh does it): "
                  << result.output;
    return {};
  }
  return nlohmann::json::parse(result.output);
}

TEST(MidoInterop, MidoReadsWhatWeWrite) {
  ASSERT_TRUE(fs::exists(kPython)) << kPython << " is missing: run scripts/setup.sh";
  const fs::path folder = fs::temp_directory_path() / "lofi-mido-interop-test";
  fs::remove_all(folder);
  fs::create_directories(folder);
  const fs::path file = folder / "band.mid";
  const Score score = bandScore();
  writeScore(score, file.string());
  const nlohmann::json seen = readWithMido(file);
  fs::remove_all(folder);
  ASSERT_FALSE(seen.is_null());

  EXPECT_EQ(seen["type"], 1);
  EXPECT_EQ(seen["ticks_per_beat"], score.ticksPerQuarter);
  nlohmann::json tempos = nlohmann::json::array();
  for (const TempoChange& tempo : score.tempos) tempos.push_back({tempo.tick, tempo.microsPerQuarter});
  EXPECT_EQ(seen["tempos"], tempos);
  nlohmann::json meters = nlohmann::json::array();
  for (const TimeSignature& meter : score.timeSignatures)
    meters.push_back({meter.tick, meter.numerator, meter.denominator});
  EXPECT_EQ(seen["time_signatures"], meters);
  EXPECT_EQ(seen["key_signatures"], nlohmann::json::parse(R"([[0, "Eb"]])"));
  EXPECT_EQ(seen["labels"], nlohmann::json::parse(R"([[0, "marker", "Ebmaj7"], [1920, "marker", "Cm7"],
                                                        [3840, "text", "bridge"]])"));

  // Track 0 is the conductor; then one track per part, in order.
  ASSERT_EQ(seen["tracks"].size(), score.parts.size() + 1);
  EXPECT_TRUE(seen["tracks"][0]["notes"].empty());
  for (std::size_t i = 0; i < score.parts.size(); ++i) {
    const Part& part = score.parts[i];
    const nlohmann::json& track = seen["tracks"][i + 1];
    SCOPED_TRACE(part.name);
    EXPECT_EQ(track["name"], part.name);
    nlohmann::json notes = nlohmann::json::array();
    for (const Note& note : part.notes)
      notes.push_back({note.startTick, note.endTick, note.pitch, note.velocity, part.channel});
    std::sort(notes.begin(), notes.end());
    EXPECT_EQ(track["notes"], notes);
    if (!part.isDrum) {
      EXPECT_EQ(track["programs"], nlohmann::json::parse("[[0, " + std::to_string(part.channel) + ", " +
                                                          std::to_string(part.program) + "]]"));
    }
  }
}

}  // namespace
}  // namespace lofi
