#include "music/note_events.h"

#include <gtest/gtest.h>

namespace lofi {
namespace {

Score sampleScore() {
  Score score;
  score.ticksPerQuarter = 480;
  Part piano;
  piano.notes = {{0, 240, 60, 80, 0}, {1920 + 480, 1920 + 960, 64, 90, 0}, {960, 2400, 62, 70, 0}};
  Part drums;
  drums.isDrum = true;
  drums.notes = {{0, 100, 36, 100, 9}};
  score.parts = {piano, drums};
  return score;
}

TEST(NoteEvents, BeatsAndTransportTimeByOnsetWithoutDrums) {
  const std::vector<NoteEvent> events = noteEvents(sampleScore());
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].pitch, 60);
  EXPECT_DOUBLE_EQ(events[0].durationBeats, 0.5);
  EXPECT_EQ(events[0].onset, "0:0:0");
  EXPECT_EQ(events[0].duration, "0:0:2");
  EXPECT_EQ(events[1].pitch, 62);
  EXPECT_DOUBLE_EQ(events[1].onsetBeats, 2.0);
  EXPECT_EQ(events[1].duration, "0:3:0");
  EXPECT_EQ(events[2].onset, "1:1:0");
  EXPECT_EQ(events[2].velocity, 90);
  const nlohmann::json json = toJson(events[2]);
  EXPECT_EQ(json["time"], "1:1:0");
  EXPECT_EQ(json["duration"], "0:1:0");
  EXPECT_EQ(json["onsetBeats"], 5.0);
  EXPECT_EQ(json["pitch"], 64);
}

TEST(NoteEvents, TrimKeepsNotesStartingBeforeTheEndAndCutsTheirLength) {
  const Score trimmed = trimScore(sampleScore(), 4.0);
  const std::vector<NoteEvent> events = noteEvents(trimmed);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_DOUBLE_EQ(events[1].onsetBeats + events[1].durationBeats, 4.0);
}

}  // namespace
}  // namespace lofi
