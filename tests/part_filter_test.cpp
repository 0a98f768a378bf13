#include "music/part_filter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "music/encoding.h"
#include "music/score_io.h"

namespace lofi {
namespace {

// A lead sheet in three named parts, with a chord label on the conductor track.
Score leadSheet() {
  Score score;
  score.labels.push_back({0, 0x06, "Dm9"});
  // Each part plays tones of Dm9 (D F A C E), one per beat.
  const auto part = [](const char* name, std::vector<int> pitches, int program, int channel) {
    Part p;
    p.name = name;
    p.program = program;
    p.channel = channel;
    for (int beat = 0; beat < 4; ++beat) p.notes.push_back({beat * 480, beat * 480 + 240, pitches[beat], 80, channel});
    return p;
  };
  score.parts = {part("Melody", {72, 74, 77, 81}, 0, 0), part("Chords", {60, 62, 65, 69}, 4, 1),
                 part("Bass", {38, 45, 38, 45}, 32, 2)};
  return score;
}

TEST(PartFilter, ReadsAListOfNames) {
  EXPECT_EQ(parsePartNames(" Melody, lead ,,"), (std::vector<std::string>{"melody", "lead"}));
  EXPECT_TRUE(parsePartNames("").empty());
}

TEST(PartFilter, KeepsTheNamedPartsAndTheTracksWithoutNotes) {
  const midi::File file = midiFromScore(leadSheet());
  const Score melody = scoreFromMidi(keepParts(file, {"melody"}));
  ASSERT_EQ(melody.parts.size(), 1u);
  EXPECT_EQ(melody.parts[0].name, "Melody");
  EXPECT_EQ(melody.parts[0].notes.front().pitch, 72);
  ASSERT_EQ(melody.labels.size(), 1u);  // the conductor track's chord label stays
  EXPECT_EQ(melody.labels[0].text, "Dm9");
  EXPECT_EQ(scoreFromMidi(keepParts(file, {"melody", "bass"})).parts.size(), 2u);
  EXPECT_EQ(scoreFromMidi(keepParts(file, {})).parts.size(), 3u);
}

TEST(PartFilter, TimedTokensOfTheMelodyHoldItsChordsButNotTheOtherParts) {
  const midi::File file = midiFromScore(leadSheet());
  const auto timed = makeEncoding("timed");
  const Tokens all = timed->encodeMidi(file);
  const Tokens melody = timed->encodeMidi(keepParts(file, {"melody"}));
  EXPECT_LT(melody.size(), all.size());
  EXPECT_NE(std::find(melody.begin(), melody.end(), "chord_Dm9"), melody.end());
  EXPECT_NE(std::find(melody.begin(), melody.end(), "pitch_72"), melody.end());
  EXPECT_EQ(std::find(melody.begin(), melody.end(), "pitch_38"), melody.end());
}

TEST(PartFilter, AFileWithoutTheNamedPartIsAnErrorNamingItsParts) {
  const midi::File file = midiFromScore(leadSheet());
  try {
    keepParts(file, {"lead"});
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "no part named lead (its parts: Melody, Chords, Bass)");
  }
}

}  // namespace
}  // namespace lofi
