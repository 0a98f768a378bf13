#include "music/song.h"

#include <gtest/gtest.h>

#include "music/score_io.h"
#include "music/stats/chord_spans.h"
#include "music/stats/music_stats.h"
#include "music/theory/chord_symbol.h"

namespace lofi {
namespace {

std::optional<std::vector<int>> chordOf(const std::string& text) {
  return theory::pitchClasses(theory::parseChordSymbol(text));
}

TEST(Song, ThreeSongsAreEmbedded) {
  const std::vector<std::string> ids = songIds();
  EXPECT_EQ(ids, (std::vector<std::string>{"canon-in-d", "gymnopedie-1", "prelude-in-c"}));
}

TEST(Song, EverySongReadsAndFitsItsBars) {
  for (const std::string& id : songIds()) {
    const Song song = loadSong(id);
    EXPECT_EQ(song.id, id);
    EXPECT_FALSE(song.melody.notes.empty()) << id;
    EXPECT_FALSE(song.bass.notes.empty()) << id;
    EXPECT_FALSE(song.chords.empty()) << id;
    const double length = song.bars * song.beatsPerBar;
    for (const SongNote& note : song.melody.notes) EXPECT_LE(note.startQuarters + note.durationQuarters, length) << id;
    for (const SongChord& chord : song.chords) EXPECT_LE(chord.startQuarters + chord.durationQuarters, length) << id;
  }
}

TEST(Song, SongsSoundLikeTonalMusicOverTheirChords) {
  for (const std::string& id : songIds()) {
    const Score score = songToScore(loadSong(id));
    const MusicStats stats = computeStats(score, chordSpansFromLabels(score, chordOf));
    EXPECT_GT(stats.scaleConsistency, 0.9) << id;
    EXPECT_EQ(stats.emptyBarsInside, 0) << id;
    if (id == "prelude-in-c") {
      // The Prelude's broken chords start off the beat: it has no strong-beat melody notes.
      EXPECT_FALSE(stats.chordToneRatio) << id << ": " << *stats.chordToneRatio;
    } else {
      ASSERT_TRUE(stats.chordToneRatio) << id;
      EXPECT_GE(*stats.chordToneRatio, 0.5) << id;
    }
  }
}

TEST(Song, ChordNotesBelongToTheirSymbols) {
  for (const std::string& id : songIds()) {
    for (const SongChord& chord : loadSong(id).chords) {
      const std::vector<int> classes = *chordOf(chord.symbol);
      for (int pitch : chord.pitches)
        EXPECT_NE(std::find(classes.begin(), classes.end(), pitch % 12), classes.end())
            << id << ": " << chord.symbol << " holds no pitch class " << pitch % 12;
    }
  }
}

TEST(Song, ScoreKeepsChordLabelsTempoAndKey) {
  const Song song = loadSong("gymnopedie-1");
  const Score score = scoreFromMidi(midi::parse(midi::serialize(midiFromScore(songToScore(song)))));
  ASSERT_EQ(score.tempos.size(), 1u);
  EXPECT_NEAR(score.tempos[0].bpm(), 72.0, 0.01);
  ASSERT_EQ(score.keySignatures.size(), 1u);
  EXPECT_EQ(score.keySignatures[0].sharps, 2);  // D major
  ASSERT_GE(score.labels.size(), 2u);
  EXPECT_EQ(score.labels[0].text, "Gmaj7");
  EXPECT_EQ(score.labels[1].text, "Dmaj7");
  EXPECT_EQ(score.parts.size(), 3u);
  EXPECT_EQ(score.parts[0].name, "Melody");
  EXPECT_EQ(score.parts[0].notes.front().pitch, 78);  // F#5 on beat three of bar five
}

TEST(Song, BadDataNamesTheField) {
  const std::string good = R"({"id":"x","title":"t","composer":"c","arrangement":"a","key":"C major","bpm":70,"bars":1,
    "timeSignature":[4,4],"tracks":{"melody":{"instrument":"piano","notes":[{"time":"0:0:0","duration":"0:1:0",
    "pitch":"C4","velocity":0.5}]},"bass":{"instrument":"bass","notes":[]},"chords":{"instrument":"piano",
    "chords":[{"time":"0:0:0","duration":"1:0:0","symbol":"C","pitches":["E4"],"velocity":0.4}]}}})";
  EXPECT_NO_THROW(parseSong(good, "x.json"));
  auto expectError = [&](const std::string& from, const std::string& to, const std::string& expected) {
    std::string bad = good;
    bad.replace(bad.find(from), from.size(), to);
    try {
      parseSong(bad, "x.json");
      ADD_FAILURE() << "accepted " << to;
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
    }
  };
  expectError("\"C4\"", "\"H4\"", "tracks.melody.notes[0].pitch");
  expectError("\"0:1:0\"", "\"one\"", "tracks.melody.notes[0].duration");
  expectError("\"symbol\":\"C\"", "\"symbol\":\"Cmaj77x\"", "tracks.chords.chords[0].symbol");
  expectError("\"velocity\":0.5", "\"velocity\":5", "velocity");
  expectError("\"bpm\":70,", "", "missing \"bpm\"");
  EXPECT_THROW(loadSong("yesterday"), std::invalid_argument);
}

}  // namespace
}  // namespace lofi
