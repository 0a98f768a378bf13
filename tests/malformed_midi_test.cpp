// Every malformed file in tests/data/malformed (written by hand or found by the
// fuzzer) must give a MidiError naming the file and the byte offset that its
// README documents, and never crash. The seed files must all read cleanly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "music/midi_file.h"
#include "music/score_io.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = fs::path(LOFI_SOURCE_DIR) / "tests" / "data";

// The README's table rows: | `file name` | offset | what is wrong |
std::map<std::string, std::size_t> documentedOffsets() {
  std::ifstream readme(kDataDir / "malformed" / "README.md");
  std::map<std::string, std::size_t> offsets;
  const std::regex row(R"(^\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|)");
  std::smatch match;
  for (std::string line; std::getline(readme, line);)
    if (std::regex_search(line, match, row)) offsets[match[1]] = std::stoul(match[2]);
  return offsets;
}

std::vector<fs::path> filesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(MalformedMidi, EveryFileGivesAnErrorAtItsDocumentedOffset) {
  const auto offsets = documentedOffsets();
  const auto files = filesIn(kDataDir / "malformed");
  ASSERT_GE(files.size(), 20u);
  for (const fs::path& path : files) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const auto documented = offsets.find(name);
    EXPECT_NE(documented, offsets.end()) << "not described in tests/data/malformed/README.md";
    try {
      midi::readFile(path.string());
      ADD_FAILURE() << "read without an error";
    } catch (const midi::MidiError& error) {
      EXPECT_EQ(error.file(), path.string());
      const std::string message = error.what();
      EXPECT_EQ(message.rfind(path.string() + ": byte " + std::to_string(error.offset()) + ": ", 0), 0u) << message;
      const auto size = fs::file_size(path);
      if (size > 0) {
        EXPECT_LT(error.offset(), size) << message;
      }
      if (documented != offsets.end()) {
        EXPECT_EQ(error.offset(), documented->second) << message;
      }
    }
  }
}

TEST(MalformedMidi, ReadmeDescribesOnlyFilesThatExist) {
  for (const auto& [name, offset] : documentedOffsets())
    EXPECT_TRUE(fs::exists(kDataDir / "malformed" / name)) << name << " is in the README but not in the folder";
}

TEST(MidiSeeds, EverySeedReadsAndPlaysNotes) {
  const auto files = filesIn(kDataDir / "midi-seeds");
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.filename().string());
    const Score score = readScore(path.string());
    EXPECT_GT(score.noteCount(), 0);
  }
}

}  // namespace
}  // namespace lofi
