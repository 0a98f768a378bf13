#include "music/classic/classic_encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "midi_bytes.h"
#include "music/score_io.h"

namespace lofi {
namespace {

using test::Bytes;
using test::concat;
using test::header;
using test::trackChunk;
using test::TrackBytes;

constexpr int kQuarter = 480;

TrackBytes conductor() {
  TrackBytes track;
  track.tempo(0, 750000).meter(0, 4, 2);
  return track;
}

Tokens encodeTracks(const std::vector<TrackBytes>& tracks) {
  Bytes bytes = header(1, static_cast<int>(tracks.size()) + 1, kQuarter);
  const Bytes conductorChunk = conductor().chunk();
  bytes.insert(bytes.end(), conductorChunk.begin(), conductorChunk.end());
  for (const TrackBytes& track : tracks) {
    const Bytes chunk = track.chunk();
    bytes.insert(bytes.end(), chunk.begin(), chunk.end());
  }
  return ClassicEncoding().encodeMidi(midi::parse(bytes, "test.mid"));
}

Tokens encodePiano(TrackBytes track) { return encodeTracks({track.name("Piano")}); }

Tokens withoutRests(Tokens tokens) {
  std::erase(tokens, std::string("r"));
  return tokens;
}

TEST(ClassicEncode, NotesBecomePitchNames) {
  TrackBytes track;
  track.note(0, 480, 60).note(480, 960, 63).note(960, 1440, 70);
  // music21 fills the rest of the last bar with a rest.
  EXPECT_EQ(encodePiano(track), (Tokens{"C4", "E-4", "B-4", "r"}));
}

TEST(ClassicEncode, OnsetsNearTheGridSnapToIt) {
  // D4 starts 10 ticks late and C4 ends 10 ticks early: no gap, so no rest.
  TrackBytes track;
  track.note(0, 470, 60).note(490, 960, 62);
  EXPECT_EQ(encodePiano(track), (Tokens{"C4", "D4", "r"}));
}

TEST(ClassicEncode, TripletsKeepTheirThirdsOfABeat) {
  // On a sixteenth grid alone these would leave gaps, and gaps become rests.
  TrackBytes track;
  track.note(0, 160, 60).note(160, 320, 62).note(320, 480, 64).note(480, 960, 65);
  EXPECT_EQ(encodePiano(track), (Tokens{"C4", "D4", "E4", "F4", "r"}));
}

TEST(ClassicEncode, GapsBecomeRests) {
  TrackBytes track;
  track.note(0, 480, 60).note(960, 1440, 64);
  EXPECT_EQ(encodePiano(track), (Tokens{"C4", "r", "E4", "r"}));
}

TEST(ClassicEncode, NotesStartingAndEndingTogetherFormAChord) {
  TrackBytes track;
  track.note(0, 1920, 60).note(0, 1920, 64).note(0, 1920, 67);
  EXPECT_EQ(encodePiano(track), (Tokens{"0.4.7"}));
}

TEST(ClassicEncode, ChordOnsetsMayBeSpreadWithinTheTolerance) {
  // A rolled chord: onsets 20 ticks apart are within music21's quarter-of-a-beat window.
  TrackBytes track;
  track.note(0, 1920, 62).note(20, 1920, 66).note(40, 1920, 69);
  EXPECT_EQ(encodePiano(track), (Tokens{"2.6.9"}));
}

TEST(ClassicEncode, OctaveDoublingIsAOneClassChord) {
  TrackBytes track;
  track.note(0, 1920, 48).note(0, 1920, 60);
  EXPECT_EQ(encodePiano(track), (Tokens{"0"}));
}

TEST(ClassicEncode, NotesCrossingABarlineAreSplit) {
  // 4/4: C4 from beat 4 of bar 1 to beat 2 of bar 2 is two tied notes, two tokens.
  TrackBytes track;
  track.note(3 * kQuarter, 5 * kQuarter, 60);
  EXPECT_EQ(encodePiano(track), (Tokens{"r", "C4", "C4", "r"}));
}

TEST(ClassicEncode, DrumChannelNotesAreNotTokens) {
  TrackBytes track;
  track.note(0, 480, 60).note(480, 960, 38, 9).note(960, 1440, 64);
  EXPECT_EQ(withoutRests(encodePiano(track)), (Tokens{"C4", "E4"}));
}

TEST(ClassicEncode, TracksOfTheSameInstrumentAreMerged) {
  TrackBytes right;
  right.name("Piano").note(0, 480, 72).note(960, 1440, 72);
  TrackBytes left;
  left.name("Piano").note(480, 960, 48);
  EXPECT_EQ(withoutRests(encodeTracks({right, left})), (Tokens{"C5", "C3", "C5"}));
}

TEST(ClassicEncode, OnlyTheFirstInstrumentIsEncoded) {
  TrackBytes piano;
  piano.name("Piano").note(0, 480, 60);
  TrackBytes violin;
  violin.name("Violin").note(0, 480, 79);
  EXPECT_EQ(withoutRests(encodeTracks({piano, violin})), (Tokens{"C4"}));
}

TEST(ClassicEncode, WithoutAnyInstrumentTheFirstPartIsTakenWithItsRests) {
  // No track name or program change: partitionByInstrument returns its score
  // of flattened parts, and the seed reads the first one, rests included
  // (music21 8.1 gives C4 r E4 r here).
  TrackBytes track;
  track.note(0, 480, 60).note(960, 1440, 64);
  EXPECT_EQ(encodeTracks({track}), (Tokens{"C4", "r", "E4", "r"}));
}

// Files no musician writes, on which music21 would run for hours: refused
// with a reason instead (the corpus encoder then skips them).
void expectRefused(TrackBytes track, const std::string& reason) {
  try {
    encodePiano(std::move(track));
    ADD_FAILURE() << "accepted a file that should fail with: " << reason;
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(reason), std::string::npos) << error.what();
  }
}

TEST(ClassicEncode, RefusesAPieceOfMoreThanFiftyThousandBars) {
  TrackBytes track;
  track.note(0, 480, 60).note(0x0FFFFFFF, 0x0FFFFFFF + 480, 62);
  expectRefused(track, "more than 50000 bars");
}

TEST(ClassicEncode, RefusesMoreNotesAtOnceThanAKeyboardHas) {
  TrackBytes track;
  for (int k = 0; k < 200; ++k) track.note(0, 240 + 200 * k, 60);  // stacked, each ending later
  expectRefused(track, "notes sound at once");
}

TEST(ClassicEncode, RefusesThousandsOfNotesStartingTogether) {
  TrackBytes track;
  for (int k = 0; k < 3000; ++k) track.note(0, 480 + 200 * (k % 2), 30 + k % 90);
  expectRefused(track, "notes start within a sixteenth");
}

Tokens sampleTokens() {
  return {"C4", "r", "0.4.7", "E-5", "11.0.4.7", "B-3", "r", "G#2", "9.0.2.5", "C#6", "F#4", "2.6.9"};
}

std::vector<Note> decodedNotes(const Tokens& tokens, const DecodeOptions& options) {
  const Score score = ClassicEncoding().decode(tokens, options);
  EXPECT_EQ(score.parts.size(), 1u);
  return score.parts.empty() ? std::vector<Note>{} : score.parts[0].notes;
}

TEST(ClassicDecode, SameSeedSameDurations) {
  DecodeOptions options;
  options.seed = 42;
  const std::vector<Note> first = decodedNotes(sampleTokens(), options);
  EXPECT_EQ(decodedNotes(sampleTokens(), options), first);
  options.seed = 43;
  EXPECT_NE(decodedNotes(sampleTokens(), options), first);
}

TEST(ClassicDecode, DurationsComeFromTheWeights) {
  DecodeOptions options;
  options.durationWeights = {{1.0, 0.0}, {2.0, 1.0}};  // always a half note
  for (const Note& note : decodedNotes(sampleTokens(), options)) EXPECT_EQ(note.endTick - note.startTick, 960);
}

TEST(ClassicDecode, RestsAdvanceByTheRestLength) {
  DecodeOptions options;
  options.durationWeights = {{1.0, 1.0}};
  options.restQuarters = 0.5;
  const std::vector<Note> notes = decodedNotes({"r", "C4", "r", "r", "D4"}, options);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].startTick, 240);
  EXPECT_EQ(notes[1].startTick, 240 + 480 + 480);
}

TEST(ClassicDecode, ChordsAreVoicedUpwardsFromTheChordOctave) {
  DecodeOptions options;
  options.chordOctave = 4;
  std::vector<int> pitches;
  for (const Note& note : decodedNotes({"11.0.4.7"}, options)) pitches.push_back(note.pitch);
  EXPECT_EQ(pitches, (std::vector<int>{71, 72, 76, 79}));
  options.chordOctave = 3;
  pitches.clear();
  for (const Note& note : decodedNotes({"9.0.2.5"}, options)) pitches.push_back(note.pitch);
  EXPECT_EQ(pitches, (std::vector<int>{57, 60, 62, 65}));
}

TEST(ClassicDecode, NotesKeepTheirPitch) {
  std::vector<int> pitches;
  for (const Note& note : decodedNotes({"C4", "B-3", "C#-1", "G9", "E--1"}, DecodeOptions{})) pitches.push_back(note.pitch);
  EXPECT_EQ(pitches, (std::vector<int>{60, 58, 1, 127, 3}));
}

TEST(ClassicDecode, TempoAndInstrumentAreOptions) {
  DecodeOptions options;
  options.bpm = 75;
  options.program = 4;
  const Score score = ClassicEncoding().decode({"C4"}, options);
  ASSERT_EQ(score.tempos.size(), 1u);
  EXPECT_EQ(score.tempos[0].microsPerQuarter, 800000);
  EXPECT_EQ(score.parts[0].program, 4);
}

TEST(ClassicDecode, UnknownTokenNamesTheTokenAndItsIndex) {
  const ClassicEncoding encoding;
  for (const std::string bad : {"H4", "12.0", "0..4", "", "C4.5", "r2"}) {
    try {
      encoding.decode({"C4", "r", bad}, DecodeOptions{});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find("'" + bad + "'"), std::string::npos) << message;
      EXPECT_NE(message.find("index 2"), std::string::npos) << message;
    }
  }
}

TEST(ClassicRoundTrip, DecodedSixteenthsEncodeToTheSameTokens) {
  // With sixteenth notes and single sixteenth rests, nothing crosses a barline
  // and nothing needs splitting; sixteen tokens fill the 4/4 bar that music21
  // assumes, so no rest is added at the end. The tokens come back unchanged.
  DecodeOptions options;
  options.durationWeights = {{0.25, 1.0}};
  options.restQuarters = 0.25;
  Tokens tokens = sampleTokens();
  tokens.insert(tokens.end(), {"A4", "r", "D3", "4.8"});
  const Score score = ClassicEncoding().decode(tokens, options);
  const midi::File file = midi::parse(midi::serialize(midiFromScore(score)), "decoded.mid");
  EXPECT_EQ(ClassicEncoding().encodeMidi(file), tokens);
}

}  // namespace
}  // namespace lofi
