#include "music/score_io.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "midi_bytes.h"

namespace lofi {
namespace {

using test::Bytes;
using test::concat;
using test::header;
using test::trackChunk;

using test::kEndOfTrack;

Score scoreOf(const Bytes& bytes) { return scoreFromMidi(midi::parse(bytes, "test.mid")); }

TEST(ScoreIo, OverlappingNotesOfOnePitchPairFirstInFirstOut) {
  // C4 on at 0, again at 10, off at 20, off at 30: two notes, 0-20 and 10-30.
  const Bytes body = concat({{0x00, 0x90, 60, 100, 0x0A, 0x90, 60, 50, 0x0A, 0x80, 60, 0, 0x0A, 0x90, 60, 0},
                             kEndOfTrack});
  const Score score = scoreOf(concat({header(0, 1, 480), trackChunk(body)}));
  ASSERT_EQ(score.parts.size(), 1u);
  const auto& notes = score.parts[0].notes;
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].startTick, 0);
  EXPECT_EQ(notes[0].endTick, 20);
  EXPECT_EQ(notes[0].velocity, 100);
  EXPECT_EQ(notes[1].startTick, 10);
  EXPECT_EQ(notes[1].endTick, 30);
}

TEST(ScoreIo, ChannelsBecomePartsAndChannelTenIsDrums) {
  const Bytes name = {0x00, 0xFF, 0x03, 0x04, 'K', 'e', 'y', 's'};
  const Bytes body = concat({name,
                             {0x00, 0xC0, 4, 0x00, 0x90, 60, 90, 0x00, 0x99, 36, 100, 0x60, 0x80, 60, 0, 0x00, 0x89,
                              36, 0},
                             kEndOfTrack});
  const Score score = scoreOf(concat({header(0, 1, 96), trackChunk(body)}));
  ASSERT_EQ(score.parts.size(), 2u);
  EXPECT_EQ(score.parts[0].name, "Keys");
  EXPECT_EQ(score.parts[0].program, 4);
  EXPECT_FALSE(score.parts[0].isDrum);
  EXPECT_TRUE(score.parts[1].isDrum);
  EXPECT_EQ(score.parts[1].notes[0].pitch, 36);
}

TEST(ScoreIo, NoteStillSoundingEndsWithItsTrack) {
  const Bytes body = {0x00, 0x90, 60, 90, 0x40, 0xFF, 0x2F, 0x00};
  const Score score = scoreOf(concat({header(0, 1, 96), trackChunk(body)}));
  ASSERT_EQ(score.parts.size(), 1u);
  EXPECT_EQ(score.parts[0].notes[0].endTick, 0x40);
}

TEST(ScoreIo, TempoMapTurnsTicksIntoSeconds) {
  // 120 BPM for one quarter, then 60 BPM.
  const Bytes conductor = concat({{0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x60, 0xFF, 0x51, 0x03, 0x0F, 0x42,
                                   0x40, 0x00, 0xFF, 0x58, 0x04, 3, 2, 24, 8},
                                  kEndOfTrack});
  const Score score = scoreOf(concat({header(1, 1, 96), trackChunk(conductor)}));
  ASSERT_EQ(score.tempos.size(), 2u);
  EXPECT_DOUBLE_EQ(score.tempos[1].bpm(), 60.0);
  ASSERT_EQ(score.timeSignatures.size(), 1u);
  EXPECT_EQ(score.timeSignatures[0].numerator, 3);
  EXPECT_EQ(score.timeSignatures[0].denominator, 4);
  const TempoMap map(score);
  EXPECT_DOUBLE_EQ(map.seconds(96), 0.5);
  EXPECT_DOUBLE_EQ(map.seconds(192), 1.5);
}

Score sampleScore() {
  Score score;
  score.ticksPerQuarter = 480;
  score.tempos = {{0, 750000}};
  score.timeSignatures = {{0, 4, 4}};
  score.keySignatures = {{0, -3, true}};
  score.labels = {{0, 0x06, "Cm7"}, {1920, 0x06, "Fm7"}};
  Part piano;
  piano.name = "Rhodes";
  piano.program = 4;
  piano.notes = {{0, 480, 60, 90, 0}, {0, 960, 63, 70, 0}, {480, 480, 67, 60, 0}, {480, 960, 60, 100, 0}};
  Part drums;
  drums.isDrum = true;
  drums.channel = kDrumChannel;
  drums.notes = {{0, 60, 36, 110, kDrumChannel}};
  score.parts = {piano, drums};
  return score;
}

TEST(ScoreIo, WriteThenReadGivesTheSameScore) {
  const Score original = sampleScore();
  const Score again = scoreFromMidi(midi::parse(midi::serialize(midiFromScore(original))));
  EXPECT_EQ(again.tempos, original.tempos);
  EXPECT_EQ(again.timeSignatures, original.timeSignatures);
  EXPECT_EQ(again.keySignatures, original.keySignatures);
  EXPECT_EQ(again.labels, original.labels);
  ASSERT_EQ(again.parts.size(), 2u);
  EXPECT_EQ(again.parts[0].name, "Rhodes");
  EXPECT_EQ(again.parts[0].program, 4);
  // Repeated C4 at tick 480 and the zero-length G4 both survive.
  auto sorted = original.parts[0].notes;
  std::sort(sorted.begin(), sorted.end(),
            [](const Note& a, const Note& b) { return std::tie(a.startTick, a.pitch) < std::tie(b.startTick, b.pitch); });
  EXPECT_EQ(again.parts[0].notes, sorted);
  EXPECT_TRUE(again.parts[1].isDrum);
  EXPECT_EQ(again.parts[1].notes, original.parts[1].notes);
}

TEST(ScoreIo, WriteScoreLeavesNoTemporaryFile) {
  const auto folder = std::filesystem::temp_directory_path() / "lofi-score-io-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  writeScore(sampleScore(), (folder / "out.mid").string());
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"out.mid"});
  EXPECT_THROW(writeScore(sampleScore(), (folder / "missing" / "out.mid").string()), std::runtime_error);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace lofi
