// Loading a folder: bad files are skipped with their reason, the good ones
// encoded; a single bad file or a missing path is an error.
#include "music/corpus_encoder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

#include "music/score_io.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = fs::path(LOFI_SOURCE_DIR) / "tests" / "data";

// A stand-in encoding for these tests: one token per note, its MIDI number.
// A file without notes is an encoding error, like a file an encoding cannot use.
class PitchEncoding : public Encoding {
 public:
  std::string name() const override { return "pitch"; }
  Tokens encode(const Score& score) const override {
    Tokens tokens;
    for (const Part& part : score.parts)
      for (const Note& note : part.notes) tokens.push_back(std::to_string(note.pitch));
    if (tokens.empty()) throw std::invalid_argument("no notes to encode");
    return tokens;
  }
  std::unique_ptr<TokenReader> reader(const DecodeOptions&) const override { throw std::logic_error("not used"); }
  std::optional<Tokens> transpose(const Tokens&, int) const override { throw std::logic_error("not used"); }
};

class CorpusEncoderTest : public testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("lofi-corpus-encoder-test-" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "sub");
  }
  void TearDown() override { fs::remove_all(folder_); }
  void copy(const std::string& from, const std::string& to) {
    fs::copy_file(kDataDir / from, folder_ / to, fs::copy_options::overwrite_existing);
  }
  std::string path(const std::string& name = "") const { return (folder_ / name).string(); }

  fs::path folder_;
  PitchEncoding encoding_;
};

TEST_F(CorpusEncoderTest, FolderSkipsBadFilesAndSaysWhy) {
  copy("midi-seeds/format1-band.mid", "a.mid");
  copy("malformed/truncated-track.mid", "b.mid");
  copy("midi-seeds/controllers.mid", "sub/c.MID");
  copy("malformed/text-file.mid", "sub/d.midi");
  copy("midi-seeds/controllers.mid", "notes.txt");  // not a MIDI name: not read at all
  // A well-formed file without notes: read, but the encoding refuses it.
  writeScore(Score{}, path("silence.mid"));

  const EncodedCorpus corpus = encodeCorpus(path(), encoding_);
  ASSERT_EQ(corpus.files.size(), 2u);
  EXPECT_EQ(corpus.files[0].file, "a.mid");
  EXPECT_EQ(corpus.files[0].tokens.size(), 12u);  // 4 piano, 2 bass and 6 drum notes
  EXPECT_EQ(corpus.files[1].file, "sub/c.MID");
  EXPECT_EQ(corpus.files[1].tokens, Tokens{"60"});

  ASSERT_EQ(corpus.skipped.size(), 3u);
  EXPECT_EQ(corpus.skipped[0].file, "b.mid");
  EXPECT_EQ(corpus.skipped[0].reason, "byte 14: track chunk is truncated (declares 20 bytes, 8 remain)");
  EXPECT_EQ(corpus.skipped[1].file, "silence.mid");
  EXPECT_EQ(corpus.skipped[1].reason, "no notes to encode");
  EXPECT_EQ(corpus.skipped[2].file, "sub/d.midi");
  EXPECT_EQ(corpus.skipped[2].reason, "byte 0: not a MIDI file (no MThd header)");
}

TEST_F(CorpusEncoderTest, SingleBadFileIsAnErrorNamingItsByte) {
  copy("malformed/vlq-overflow.mid", "bad.mid");
  try {
    encodeCorpus(path("bad.mid"), encoding_);
    FAIL() << "expected an error";
  } catch (const midi::MidiError& error) {
    EXPECT_EQ(error.file(), path("bad.mid"));
    EXPECT_EQ(error.offset(), 22u);
  }
}

TEST_F(CorpusEncoderTest, SingleFileTheEncodingRefusesIsAnErrorNamingIt) {
  writeScore(Score{}, path("silence.mid"));
  try {
    encodeCorpus(path("silence.mid"), encoding_);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()), path("silence.mid") + ": no notes to encode");
  }
}

TEST_F(CorpusEncoderTest, SingleGoodFileIsNamedByItsFileName) {
  copy("midi-seeds/controllers.mid", "sub/one.mid");
  const EncodedCorpus corpus = encodeCorpus(path("sub/one.mid"), encoding_);
  ASSERT_EQ(corpus.files.size(), 1u);
  EXPECT_EQ(corpus.files[0].file, "one.mid");
}

TEST_F(CorpusEncoderTest, MissingPathAndFolderWithoutMidiAreErrors) {
  EXPECT_THROW(encodeCorpus(path("missing"), encoding_), std::runtime_error);
  EXPECT_THROW(encodeCorpus(path("sub"), encoding_), std::runtime_error);
}

}  // namespace
}  // namespace lofi
