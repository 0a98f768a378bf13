// `lofi render` as a user runs it.
#include <gtest/gtest.h>

#include <filesystem>

#include "audio/audio_file.h"
#include "audio/levels.h"
#include "audio/soundfont.h"
#include "cli_run.h"
#include "shared_renderer.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

struct RenderCli : ::testing::Test {
  fs::path folder = fs::temp_directory_path() / ("lofi-render-cli-" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(folder); }
  void TearDown() override { fs::remove_all(folder); }
  std::string example() const { return std::string(LOFI_SOURCE_DIR) + "/examples/late-bus.mid"; }
};


TEST_F(RenderCli, RendersTheExampleToOggWithTheChain) {
  const std::string problem = testing::soundfontProblem();
  ASSERT_TRUE(problem.empty()) << problem;
  const fs::path out = folder / "late-bus.ogg";
  const auto result = test::runLofi("render " + example() + " --out " + out.string());
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const AudioBuffer audio = readAudioFile(out.string());
  EXPECT_EQ(audio.channels, 2);
  EXPECT_GT(audio.seconds(), 12.0);  // the example lasts about 12.3 s, plus the room's tail
  EXPECT_LT(audio.seconds(), 18.0);
  EXPECT_LE(peakDbfs(audio), -0.3);
  EXPECT_NEAR(integratedLoudness(audio), -16.0, 1.0);
}

TEST_F(RenderCli, RendersDryWavWithAnotherInstrument) {
  const std::string problem = testing::soundfontProblem();
  ASSERT_TRUE(problem.empty()) << problem;
  const fs::path out = folder / "late-bus.wav";
  const auto result = test::runLofi("render " + example() + " --out " + out.string() + " --lofi off --instrument 'nylon guitar'");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const AudioBuffer audio = readAudioFile(out.string());
  EXPECT_GT(peakDbfs(audio), -20.0);
  EXPECT_LE(peakDbfs(audio), -0.3);
}

TEST_F(RenderCli, BadMidiIsOneClearLineAndNoFile) {
  const fs::path bad = folder / "broken.mid", out = folder / "broken.wav";
  { std::ofstream(bad) << "MThd but not really a MIDI file"; }
  const auto result = test::runLofi("render " + bad.string() + " --out " + out.string());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(test::lineCount(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("broken.mid"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(RenderCli, MissingSoundfontIsOneClearLineAndNoFile) {
  const fs::path out = folder / "x.wav";
  const auto result = test::runLofi("render " + example() + " --out " + out.string() + " --soundfont /nonexistent/gm.sf2");
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(test::lineCount(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("/nonexistent/gm.sf2"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(RenderCli, UnknownInstrumentAndExtensionAreClearErrors) {
  const auto badInstrument = test::runLofi("render " + example() + " --out " + (folder / "x.wav").string() + " --instrument theremin");
  EXPECT_EQ(badInstrument.exitCode, 1);
  EXPECT_NE(badInstrument.err.find("theremin"), std::string::npos);
  const auto badExtension = test::runLofi("render " + example() + " --out " + (folder / "x.aiff").string());
  EXPECT_EQ(badExtension.exitCode, 1);
  EXPECT_NE(badExtension.err.find("x.aiff"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(folder));
}

}  // namespace
}  // namespace lofi
