#include "common/atomic_file_batch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "common/atomic_file.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

class AtomicFileBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("lofi-batch-test-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  std::string path(const std::string& name) const { return (folder_ / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder_), fs::directory_iterator()));
  }
  static std::span<const std::uint8_t> bytes(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
  }

  fs::path folder_;
};

TEST_F(AtomicFileBatchTest, FilesAppearOnlyOnCommit) {
  AtomicFileBatch batch;
  const std::string one = "first", two = "second";
  batch.add(path("a.mid"), bytes(one));
  batch.add(path("b.mid"), bytes(two));
  EXPECT_EQ(batch.size(), 2u);
  EXPECT_FALSE(fs::exists(path("a.mid")));
  EXPECT_FALSE(fs::exists(path("b.mid")));
  batch.commit();
  EXPECT_EQ(batch.size(), 0u);
  EXPECT_EQ(readFileToString(path("a.mid")), one);
  EXPECT_EQ(readFileToString(path("b.mid")), two);
  EXPECT_EQ(entries(), 2u);  // no temporary file left
}

TEST_F(AtomicFileBatchTest, CommitReplacesAnOldFileWhole) {
  writeFileAtomically(path("a.mid"), std::string_view("old contents, longer than the new"));
  AtomicFileBatch batch;
  const std::string fresh = "new";
  batch.add(path("a.mid"), bytes(fresh));
  EXPECT_EQ(readFileToString(path("a.mid")), "old contents, longer than the new");
  batch.commit();
  EXPECT_EQ(readFileToString(path("a.mid")), fresh);
}

TEST_F(AtomicFileBatchTest, UncommittedFilesAreRemoved) {
  {
    AtomicFileBatch batch;
    const std::string text = "never committed";
    batch.add(path("a.mid"), bytes(text));
    EXPECT_EQ(entries(), 1u);  // the temporary file
  }
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicFileBatchTest, AWriteThatFailsNamesTheFile) {
  AtomicFileBatch batch;
  const std::string text = "x";
  try {
    batch.add(path("missing-folder/a.mid"), bytes(text));
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("missing-folder/a.mid"), std::string::npos) << error.what();
  }
  EXPECT_NO_THROW(batch.commit());  // nothing was added
  EXPECT_EQ(entries(), 0u);
}

}  // namespace
}  // namespace lofi
