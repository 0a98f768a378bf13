// The built `lofi` program as a user runs it: exit codes, help texts, and
// one-line errors on stderr.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = fs::path(LOFI_SOURCE_DIR) / "tests" / "data";

struct Outcome {
  int exitCode = -1;
  std::string out;
  std::string err;
  std::vector<std::string> errLines() const {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

class LofiTest : public testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("lofi-cli-test-" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "corpus");
  }
  void TearDown() override { fs::remove_all(folder_); }

  Outcome lofi(const std::string& arguments) const { return runProgram(LOFI_BINARY, arguments); }

  Outcome runProgram(const std::string& program, const std::string& arguments) const {
    const fs::path outFile = folder_ / "stdout", errFile = folder_ / "stderr";
    const std::string command = quoted(program) + " " + arguments + " > " + quoted(outFile.string()) + " 2> " +
                                quoted(errFile.string());
    const int status = std::system(command.c_str());
    Outcome run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = slurp(outFile);
    run.err = slurp(errFile);
    return run;
  }

  void copy(const std::string& from, const std::string& to) const {
    fs::copy_file(kDataDir / from, folder_ / to, fs::copy_options::overwrite_existing);
  }
  std::string path(const std::string& name) const { return (folder_ / name).string(); }

  fs::path folder_;
};

// Option lines of a CLI11 help text (wrapped descriptions joined), without --help.
std::vector<std::string> optionEntries(const std::string& help) {
  std::vector<std::string> entries;
  std::istringstream in(help);
  bool inOptions = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Options:", 0) == 0) inOptions = true;
    else if (!line.empty() && line[0] != ' ') inOptions = false;
    if (!inOptions || line.size() < 3) continue;
    if (line.rfind("  -", 0) == 0) entries.push_back(line);
    else if (line.rfind("    ", 0) == 0 && !entries.empty()) entries.back() += line;
  }
  std::erase_if(entries, [](const std::string& entry) { return entry.find("--help") != std::string::npos; });
  return entries;
}

void expectEveryOptionShowsItsDefault(const std::string& help) {
  const auto entries = optionEntries(help);
  EXPECT_FALSE(entries.empty()) << help;
  for (const std::string& entry : entries) {
    const std::string optionColumn = entry.substr(0, entry.find("  ", 2));
    const bool hasDefault = optionColumn.find('=') != std::string::npos ||
                            entry.find("(default") != std::string::npos || entry.find("REQUIRED") != std::string::npos;
    EXPECT_TRUE(hasDefault) << "no default shown: " << entry;
  }
}

TEST_F(LofiTest, HelpListsTheCommands) {
  const Outcome run = lofi("--help");
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_NE(run.out.find("encode"), std::string::npos);
  EXPECT_NE(run.out.find("decode"), std::string::npos);
}

// `lofi train` runs lofi-train, the program beside lofi that links LibTorch.
TEST_F(LofiTest, TrainIsListedAndItsHelpIsTheTrainingProgramsHelp) {
  const Outcome help = lofi("--help");
  EXPECT_NE(help.out.find("Train an LSTM on MIDI files or tokens"), std::string::npos) << help.out;
  const Outcome train = lofi("train --help");
  EXPECT_EQ(train.exitCode, 0) << train.err;
  EXPECT_NE(train.out.find("lofi train"), std::string::npos) << train.out;
  for (const char* option : {"--preset", "--epochs", "--resume", "--parts"})
    EXPECT_NE(train.out.find(option), std::string::npos) << option;
  const Outcome missingData = lofi("train");
  EXPECT_EQ(missingData.exitCode, 2);
  ASSERT_EQ(missingData.errLines().size(), 1u) << missingData.err;
  EXPECT_EQ(missingData.errLines()[0].rfind("lofi: error: ", 0), 0u) << missingData.err;
}

TEST_F(LofiTest, TrainWithoutTheTrainingProgramIsOneLineNamingIt) {
  const fs::path alone = fs::canonical(folder_) / "alone";
  fs::create_directories(alone);
  fs::copy_file(LOFI_BINARY, alone / "lofi");
  const Outcome run = runProgram((alone / "lofi").string(), "train tokens.json --epochs 1");
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.errLines(),
            std::vector<std::string>{"lofi: error: training needs " + (alone / "lofi-train").string() +
                                     ", which is missing (`make lofi-train` builds it, with LibTorch)"});
}

TEST_F(LofiTest, LofiLoadsNoLibTorch) {
  const Outcome libraries = runProgram("ldd", quoted(LOFI_BINARY));
  ASSERT_EQ(libraries.exitCode, 0) << libraries.err;
  EXPECT_NE(libraries.out.find("libc.so"), std::string::npos) << libraries.out;
  std::string lower = libraries.out;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(lower.find("torch"), std::string::npos) << libraries.out;
}

TEST_F(LofiTest, EncodeHelpListsEveryOptionWithItsDefault) {
  const Outcome run = lofi("encode --help");
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_NE(run.out.find("--encoding"), std::string::npos);
  EXPECT_NE(run.out.find("=classic"), std::string::npos);
  EXPECT_NE(run.out.find("--json"), std::string::npos);
  expectEveryOptionShowsItsDefault(run.out);
}

TEST_F(LofiTest, DecodeHelpListsEveryOptionWithItsDefault) {
  const Outcome run = lofi("decode --help");
  EXPECT_EQ(run.exitCode, 0);
  for (const char* option : {"--out", "--encoding", "--seed", "--bpm", "--program", "--chord-octave"})
    EXPECT_NE(run.out.find(option), std::string::npos) << option;
  expectEveryOptionShowsItsDefault(run.out);
}

TEST_F(LofiTest, MissingPathIsOneLineError) {
  const Outcome run = lofi("encode " + quoted(path("no-such-folder")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.errLines(), std::vector<std::string>{"lofi: error: " + path("no-such-folder") + ": no such file or folder"});
}

TEST_F(LofiTest, UsageErrorsAreOneLineWithExitCodeTwo) {
  for (const std::string arguments : {"", "encode", "encode --bogus x", "transmogrify"}) {
    SCOPED_TRACE(arguments);
    const Outcome run = lofi(arguments);
    EXPECT_EQ(run.exitCode, 2);
    ASSERT_EQ(run.errLines().size(), 1u) << run.err;
    EXPECT_EQ(run.errLines()[0].rfind("lofi: error: ", 0), 0u) << run.err;
  }
}

TEST_F(LofiTest, NonMidiFileIsOneLineErrorNamingTheByte) {
  copy("malformed/text-file.mid", "notes.mid");
  const Outcome run = lofi("encode " + quoted(path("notes.mid")));
  EXPECT_NE(run.exitCode, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.errLines(),
            std::vector<std::string>{"lofi: error: " + path("notes.mid") + ": byte 0: not a MIDI file (no MThd header)"});
}

TEST_F(LofiTest, FolderSkipsBadFilesWithAWarningEach) {
  copy("midi-seeds/format1-band.mid", "corpus/good-1.mid");
  copy("midi-seeds/format0-running-status.mid", "corpus/good-2.mid");
  copy("malformed/truncated-track.mid", "corpus/bad-1.mid");
  copy("malformed/random-bytes.mid", "corpus/bad-2.mid");
  const Outcome run = lofi("encode " + quoted(path("corpus")));
  EXPECT_EQ(run.exitCode, 0) << run.err;
  const auto lines = run.errLines();
  ASSERT_EQ(lines.size(), 3u) << run.err;
  EXPECT_EQ(lines[0], "lofi: warning: skipping bad-1.mid: byte 14: track chunk is truncated (declares 20 bytes, 8 remain)");
  EXPECT_EQ(lines[1], "lofi: warning: skipping bad-2.mid: byte 0: not a MIDI file (no MThd header)");
  EXPECT_NE(lines[2].find("encoded 2 files"), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("2 files skipped"), std::string::npos) << lines[2];
  EXPECT_NE(run.out.find("# good-1.mid"), std::string::npos);
  EXPECT_NE(run.out.find("# good-2.mid"), std::string::npos);
}

TEST_F(LofiTest, FolderJsonListsFilesAndSkipped) {
  copy("midi-seeds/format1-band.mid", "corpus/good.mid");
  copy("malformed/vlq-overflow.mid", "corpus/bad.mid");
  const Outcome run = lofi("encode --json " + quoted(path("corpus")));
  EXPECT_EQ(run.exitCode, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["files"].size(), 1u);
  EXPECT_EQ(json["files"][0]["file"], "good.mid");
  EXPECT_FALSE(json["files"][0]["tokens"].empty());
  ASSERT_EQ(json["skipped"].size(), 1u);
  EXPECT_EQ(json["skipped"][0]["file"], "bad.mid");
  EXPECT_EQ(json["skipped"][0]["reason"], "byte 22: variable-length number longer than 4 bytes in delta time");
}

TEST_F(LofiTest, FolderOfOnlyBadFilesFails) {
  copy("malformed/truncated-track.mid", "corpus/bad-1.mid");
  copy("malformed/empty.mid", "corpus/bad-2.mid");
  const Outcome run = lofi("encode " + quoted(path("corpus")));
  EXPECT_EQ(run.exitCode, 1);
  const auto lines = run.errLines();
  ASSERT_EQ(lines.size(), 3u) << run.err;
  EXPECT_EQ(lines[2], "lofi: error: none of the 2 MIDI files in " + path("corpus") + " could be read");
}

TEST_F(LofiTest, EmptyFolderFails) {
  const Outcome run = lofi("encode " + quoted(path("corpus")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(run.errLines().size(), 1u) << run.err;
}

}  // namespace
