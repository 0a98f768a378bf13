#include "music/composer/corpus_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "common/atomic_file.h"
#include "music/composer/piece.h"
#include "music/composer/random.h"
#include "music/midi_file.h"
#include "music/score_io.h"

namespace lofi::composer {
namespace {

namespace fs = std::filesystem;

class CorpusWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("lofi-corpus-test-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string path(const std::string& name) const { return (folder_ / name).string(); }
  std::vector<std::string> filesIn(const fs::path& folder) const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path folder_;
};

TEST_F(CorpusWriter, NamesFilesByNumber) {
  EXPECT_EQ(pieceFileName(0), "piece-0001.mid");
  EXPECT_EQ(pieceFileName(41), "piece-0042.mid");
  EXPECT_EQ(pieceFileName(12344), "piece-12345.mid");
}

TEST_F(CorpusWriter, WritesEveryPieceIntoANewFolderAndNothingElse) {
  writeCorpus({5, 3, path("nested/out"), 2});
  EXPECT_EQ(filesIn(folder_ / "nested/out"),
            (std::vector<std::string>{"piece-0001.mid", "piece-0002.mid", "piece-0003.mid", "piece-0004.mid",
                                      "piece-0005.mid"}));
  for (const std::string& name : filesIn(folder_ / "nested/out")) {
    const Score score = readScore(path("nested/out/" + name));
    EXPECT_EQ(score.parts.size(), 3u);
  }
}

TEST_F(CorpusWriter, SameSeedSameBytesWhateverTheThreads) {
  writeCorpus({6, 11, path("a"), 1});
  writeCorpus({6, 11, path("b"), 4});
  writeCorpus({3, 11, path("c"), 1});  // fewer pieces: the same first three
  for (int i = 0; i < 6; ++i) {
    const std::string name = pieceFileName(i);
    EXPECT_TRUE(readFileToString(path("a/" + name)) == readFileToString(path("b/" + name))) << name;
    if (i < 3) {
      EXPECT_TRUE(readFileToString(path("a/" + name)) == readFileToString(path("c/" + name))) << name;
    }
  }
  // And the bytes are the piece's own.
  const ComposedPiece piece = composePiece(pieceSeed(11, 2));
  const auto bytes = midi::serialize(midiFromScore(piece.score));
  EXPECT_TRUE(readFileToString(path("a/" + pieceFileName(2))) == std::string(bytes.begin(), bytes.end()));
}

TEST_F(CorpusWriter, DifferentSeedDifferentPieces) {
  writeCorpus({4, 1, path("one"), 2});
  writeCorpus({4, 2, path("two"), 2});
  for (int i = 0; i < 4; ++i)
    EXPECT_TRUE(readFileToString(path("one/" + pieceFileName(i))) != readFileToString(path("two/" + pieceFileName(i))));
  // Within one corpus, no two pieces are alike.
  for (int i = 0; i < 4; ++i)
    for (int j = i + 1; j < 4; ++j)
      EXPECT_TRUE(readFileToString(path("one/" + pieceFileName(i))) != readFileToString(path("one/" + pieceFileName(j))));
}

TEST_F(CorpusWriter, RejectsBadRequestsClearly) {
  try {
    writeCorpus({0, 1, path("x"), 1});
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("--songs"), std::string::npos) << error.what();
  }
  EXPECT_THROW(writeCorpus({kMaxCorpusSongs + 1, 1, path("x"), 1}), std::invalid_argument);
  EXPECT_THROW(writeCorpus({1, 1, "", 1}), std::invalid_argument);
  fs::create_directories(folder_);
  writeFileAtomically(path("a-file"), std::string_view("not a folder"));
  try {
    writeCorpus({2, 1, path("a-file"), 1});
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("a-file"), std::string::npos) << error.what();
  }
}

TEST_F(CorpusWriter, ReportsProgress) {
  std::vector<int> heard;
  writeCorpus({3, 5, path("p"), 1}, [&](int done) { heard.push_back(done); });
  ASSERT_FALSE(heard.empty());
  EXPECT_EQ(heard.back(), 3);
}

TEST_F(CorpusWriter, CommandLineWritesTheCorpus) {
  const std::string out = path("cli");
  const std::string command = std::string(LOFI_BINARY) + " corpus --songs 3 --seed 9 --out " + out + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(filesIn(out).size(), 3u);
  writeCorpus({3, 9, path("library"), 1});
  EXPECT_TRUE(readFileToString(out + "/piece-0003.mid") == readFileToString(path("library/piece-0003.mid")));
  const std::string bad = std::string(LOFI_BINARY) + " corpus --songs 0 --out " + out + " 2>/dev/null";
  EXPECT_NE(std::system(bad.c_str()), 0);
}

}  // namespace
}  // namespace lofi::composer
