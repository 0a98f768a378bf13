#include "music/classic/classic_encoding.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/atomic_file.h"

namespace lofi {
namespace {

using namespace classic;

TEST(ClassicTransposer, NoteNamesAsMusic21SpellsMidiPitches) {
  EXPECT_EQ(noteNameFromMidi(60), "C4");
  EXPECT_EQ(noteNameFromMidi(61), "C#4");
  EXPECT_EQ(noteNameFromMidi(63), "E-4");
  EXPECT_EQ(noteNameFromMidi(70), "B-4");
  EXPECT_EQ(noteNameFromMidi(0), "C-1");
  // Every name reads back as its pitch but two: music21 names E and B of
  // octave -1 (4 and 11) "E-1" and "B-1", which read as E-flat and B-flat of
  // octave 1 (27 and 34), the piano's.
  EXPECT_EQ(noteNameFromMidi(4), "E-1");
  EXPECT_EQ(noteNameFromMidi(11), "B-1");
  EXPECT_EQ(midiFromNoteName("E-1"), 27);
  EXPECT_EQ(midiFromNoteName("B-1"), 34);
  for (int pitch = 0; pitch < 128; ++pitch) {
    const int readBack = pitch == 4 ? 27 : pitch == 11 ? 34 : pitch;
    EXPECT_EQ(midiFromNoteName(noteNameFromMidi(pitch)), readBack) << pitch;
  }
  EXPECT_EQ(midiFromNoteName("D-4"), 61);  // other spellings still read
  EXPECT_EQ(midiFromNoteName("C##4"), 62);
  EXPECT_FALSE(midiFromNoteName("H4"));
  EXPECT_FALSE(midiFromNoteName("C"));
  EXPECT_FALSE(midiFromNoteName("0.4.7"));
}

TEST(ClassicTransposer, ChordsStayInNormalOrder) {
  EXPECT_EQ(transposeNormalOrder({0, 4, 7}, 2), (std::vector<int>{2, 6, 9}));
  EXPECT_EQ(transposeNormalOrder({11, 0, 4, 7}, 1), (std::vector<int>{0, 1, 5, 8}));
  EXPECT_EQ(transposeNormalOrder({9, 0, 2, 5}, 3), (std::vector<int>{0, 3, 5, 8}));
  // Symmetric chords start on their lowest class, as music21 writes them.
  EXPECT_EQ(transposeNormalOrder({0, 4, 8}, 4), (std::vector<int>{0, 4, 8}));
  EXPECT_EQ(transposeNormalOrder({0, 4, 8}, 1), (std::vector<int>{1, 5, 9}));
  EXPECT_EQ(transposeNormalOrder({1, 4, 7, 10}, 2), (std::vector<int>{0, 3, 6, 9}));
  EXPECT_EQ(transposeNormalOrder({0, 6}, 7), (std::vector<int>{1, 7}));
  EXPECT_EQ(transposeNormalOrder({5}, -7), (std::vector<int>{10}));
}

TEST(ClassicTransposer, MovesNotesAndChordsAndKeepsRests) {
  const ClassicEncoding transposer;
  EXPECT_EQ(transposer.transpose({"C4", "0.4.7", "r", "B-3", "9.0.4"}, 3),
            (Tokens{"E-4", "3.7.10", "r", "C#4", "0.3.7"}));
  EXPECT_EQ(transposer.transpose({"C4"}, -13), (Tokens{"B2"}));
  EXPECT_FALSE(transposer.transpose({"C4", "G9"}, 1));  // G9 is 127: nowhere higher
  EXPECT_FALSE(transposer.transpose({"E0"}, -12));       // E in octave -1 has no name of its own
  try {
    transposer.transpose({"C4", "X"}, 1);
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("token 1 'X'"), std::string::npos);
  }
}

TEST(ClassicTransposer, EveryCorpusPieceGoesToTwelveKeysAndBack) {
  const std::string path = std::string(LOFI_SHARED_DIR) + "/corpora/piano-composer/music21-v8.1-tokens.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no corpus at " << path;
  const nlohmann::json corpus = nlohmann::json::parse(readFileToString(path));
  const ClassicEncoding transposer;
  for (const auto& file : corpus["files"]) {
    const Tokens tokens = file["tokens"].get<Tokens>();
    for (int shift = -5; shift <= 6; ++shift) {
      const auto moved = transposer.transpose(tokens, shift);
      ASSERT_TRUE(moved) << file["file"] << " " << shift;
      EXPECT_EQ(transposer.transpose(*moved, -shift), tokens) << file["file"] << " " << shift;
    }
  }
}

}  // namespace
}  // namespace lofi
