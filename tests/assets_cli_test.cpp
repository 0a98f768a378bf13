// One whole run of `lofi assets` (about ten seconds), then checks of
// everything it wrote against its manifest, and a second run that does nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "audio/assets/asset_builder.h"
#include "audio/assets/content_hash.h"
#include "audio/audio_file.h"
#include "audio/levels.h"
#include "audio/soundfont.h"
#include "audio_analysis.h"
#include "cli_run.h"
#include "shared_renderer.h"
#include "common/atomic_file.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class AssetsRun : public ::testing::Test {
 protected:
  static fs::path folder() { return fs::temp_directory_path() / ("lofi-assets-" + std::to_string(::getpid())); }

  static void SetUpTestSuite() {
    soundfontProblem() = testing::soundfontProblem();
    if (!soundfontProblem().empty()) return;  // each test fails, saying why
    fs::remove_all(folder());
    firstRun() = test::runLofi("assets --out " + (folder() / "assets").string());
    if (firstRun().exitCode == 0)
      manifest() = Json::parse(readFileToString((folder() / "assets" / "manifest.json").string()));
  }
  static void TearDownTestSuite() { fs::remove_all(folder()); }

  void SetUp() override {
    ASSERT_TRUE(soundfontProblem().empty()) << soundfontProblem();
    ASSERT_EQ(firstRun().exitCode, 0) << firstRun().err;
  }

  static std::string& soundfontProblem() {
    static std::string problem;
    return problem;
  }
  static test::CliResult& firstRun() {
    static test::CliResult result;
    return result;
  }
  static Json& manifest() {
    static Json json;
    return json;
  }
  static fs::path root() { return folder() / "assets"; }
  static AudioBuffer decode(const std::string& file) { return readAudioFile((root() / file).string()); }
};

TEST_F(AssetsRun, ManifestListsEverythingThePageNeeds) {
  for (const char* list : {"grooves", "ambiences", "quotes", "instruments", "drumKit"}) {
    ASSERT_TRUE(manifest().contains(list)) << list;
    for (const Json& entry : manifest()[list]) {
      for (const char* field : {"name", "files", "duration", "loopLength", "size"})
        EXPECT_TRUE(entry.contains(field)) << list << " " << entry.value("name", "?") << " lacks " << field;
      std::uintmax_t size = 0;
      for (const Json& file : entry["files"]) {
        ASSERT_TRUE(fs::is_regular_file(root() / file.get<std::string>())) << file;
        size += fs::file_size(root() / file.get<std::string>());
      }
      EXPECT_EQ(size, entry["size"].get<std::uintmax_t>()) << entry["name"];
    }
  }
  EXPECT_GE(manifest()["grooves"].size(), 4u);
  EXPECT_EQ(manifest()["ambiences"].size(), 6u);
  EXPECT_GE(manifest()["quotes"].size(), 6u);
  std::set<std::string> drums;
  for (const Json& drum : manifest()["drumKit"]) drums.insert(drum["name"]);
  for (const char* needed : {"kick", "snare", "rim", "hatClosed", "hatOpen", "shaker"}) EXPECT_TRUE(drums.count(needed));
}

TEST_F(AssetsRun, GroovesCarryTheirPatternsInTheKit) {
  std::set<std::string> drums;
  for (const Json& drum : manifest()["drumKit"]) drums.insert(drum["name"]);
  for (const Json& groove : manifest()["grooves"]) {
    ASSERT_EQ(groove["pattern"].size(), 128u) << groove["name"];
    EXPECT_EQ(groove["loopBars"], 8);
    EXPECT_NEAR(groove["loopLength"].get<double>(), 8 * 4 * 60.0 / groove["bpm"].get<double>(), 0.001);
    for (const Json& step : groove["pattern"])
      for (const Json& hit : step) EXPECT_TRUE(drums.count(hit["drum"])) << hit["drum"];
  }
  const Json grooves = Json::parse(readFileToString((root() / "grooves.json").string()));
  EXPECT_EQ(grooves["grooves"].size(), manifest()["grooves"].size());
}

// Every sound: audible, under -0.3 dBFS, and as long as the manifest says.
TEST_F(AssetsRun, EverySoundIsAudibleUnclippedAndOfTheStatedLength) {
  for (const char* list : {"ambiences", "quotes", "instruments", "drumKit"}) {
    for (const Json& entry : manifest()[list]) {
      double longest = 0;
      for (const Json& file : entry["files"]) {
        const std::string path = file;
        const AudioBuffer audio = decode(path);
        EXPECT_GT(peakDbfs(audio), -30.0) << path;
        EXPECT_LE(peakDbfs(audio), -0.3) << path;
        // MP3 frames add padding; Ogg keeps the exact length.
        if (path.ends_with(".ogg")) longest = std::max(longest, audio.seconds());
      }
      EXPECT_NEAR(longest, entry["duration"].get<double>(), 0.002) << entry["name"];
    }
  }
}

TEST_F(AssetsRun, AmbiencesLoopSeamlesslyForAtLeastThirtySeconds) {
  for (const Json& ambience : manifest()["ambiences"]) {
    EXPECT_GE(ambience["loopLength"].get<double>(), 30.0);
    const AudioBuffer loop = decode(ambience["files"][0]);
    EXPECT_NEAR(loop.seconds(), ambience["loopLength"].get<double>(), 0.002);
    const test::SeamReport seam = test::inspectSeam(test::channelSamples(loop, 0), loop.sampleRate);
    EXPECT_LE(seam.seamStep, seam.typicalStep) << ambience["name"];
    EXPECT_LE(seam.seamRoughness, seam.typicalRoughness) << ambience["name"];
    EXPECT_LE(seam.seamLevelJumpDb, seam.typicalLevelJumpDb) << ambience["name"];
  }
}

TEST_F(AssetsRun, InstrumentsMapNotesEveryMinorThirdWithinTheBudget) {
  std::size_t sampleBytes = 0;
  for (const Json& instrument : manifest()["instruments"]) {
    sampleBytes += instrument["size"].get<std::size_t>();
    const Json& map = instrument["samples"];
    EXPECT_GE(map.size(), 8u) << instrument["name"];
    for (const auto& [note, file] : map.items()) EXPECT_TRUE(fs::is_regular_file(root() / file.get<std::string>())) << note;
    EXPECT_TRUE(instrument.contains("samplesMp3"));
  }
  for (const Json& drum : manifest()["drumKit"]) sampleBytes += drum["size"].get<std::size_t>();
  EXPECT_EQ(sampleBytes, manifest()["sampleBytes"].get<std::size_t>());
  EXPECT_LE(sampleBytes, kSampleBudgetBytes);
  EXPECT_TRUE(manifest()["instruments"][0]["samples"].contains("D#2"));
  EXPECT_TRUE(manifest()["instruments"][0]["samples"].contains("F#2"));
}

TEST_F(AssetsRun, RunningAgainWithNothingChangedDoesNoWork) {
  const fs::path manifestPath = root() / "manifest.json";
  const auto before = fs::last_write_time(manifestPath);
  const auto again = test::runLofi("assets --out " + root().string());
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_NE(again.err.find("up to date"), std::string::npos) << again.err;
  EXPECT_EQ(fs::last_write_time(manifestPath), before);
  // The same data in another folder is the same input: still nothing to do.
  const fs::path data = folder() / "data";
  fs::create_directories(data);
  for (const char* file : {"grooves.json", "quotes.json"})
    fs::copy_file(std::string(LOFI_SOURCE_DIR) + "/data/" + file, data / file, fs::copy_options::overwrite_existing);
  const auto copied = test::runLofi("assets --out " + root().string() + " --data " + data.string());
  EXPECT_NE(copied.err.find("up to date"), std::string::npos) << copied.err;
}

TEST_F(AssetsRun, BadGrooveDataIsAClearErrorAndLeavesTheManifestAlone) {
  const fs::path data = folder() / "bad-data";
  fs::create_directories(data);
  fs::copy_file(std::string(LOFI_SOURCE_DIR) + "/data/quotes.json", data / "quotes.json", fs::copy_options::overwrite_existing);
  std::string grooves = readFileToString(std::string(LOFI_SOURCE_DIR) + "/data/grooves.json");
  grooves.replace(grooves.find("\"kick\""), 6, "\"gong\"");
  writeFileAtomically((data / "grooves.json").string(), grooves);
  const auto before = fs::last_write_time(root() / "manifest.json");
  const auto result = test::runLofi("assets --out " + root().string() + " --data " + data.string());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(test::lineCount(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("\"gong\""), std::string::npos) << result.err;
  EXPECT_EQ(fs::last_write_time(root() / "manifest.json"), before);
}

TEST(ContentHash, DiffersWhenAnyPartDiffers) {
  EXPECT_EQ(ContentHash().add("ab").add("c").hex(), ContentHash().add("ab").add("c").hex());
  EXPECT_NE(ContentHash().add("ab").add("c").hex(), ContentHash().add("a").add("bc").hex());
  EXPECT_NE(ContentHash().add(32.0).hex(), ContentHash().add(30.0).hex());
  EXPECT_EQ(ContentHash().add("x").hex().size(), 16u);
}

}  // namespace
}  // namespace lofi
