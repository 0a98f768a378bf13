#include "music/midi_file.h"

#include <gtest/gtest.h>

#include "midi_bytes.h"

namespace lofi::midi {
namespace {

using test::Bytes;
using test::concat;
using test::header;
using test::trackChunk;

using test::kEndOfTrack;

File parseBytes(const Bytes& bytes) { return parse(bytes, "test.mid"); }

TEST(MidiFile, ReadsHeaderAndEvents) {
  const Bytes body = concat({{0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0x40}, kEndOfTrack});
  const File file = parseBytes(concat({header(0, 1, 96), trackChunk(body)}));
  EXPECT_EQ(file.format, 0);
  EXPECT_EQ(file.ticksPerQuarter, 96);
  ASSERT_EQ(file.tracks.size(), 1u);
  const auto& events = file.tracks[0].events;
  ASSERT_EQ(events.size(), 3u);
  EXPECT_TRUE(events[0].isNoteOn());
  EXPECT_EQ(events[0].data1, 60);
  EXPECT_EQ(events[1].tick, 0x60);
  EXPECT_TRUE(events[1].isNoteOff());
  EXPECT_TRUE(events[2].isMeta(meta::kEndOfTrack));
}

TEST(MidiFile, RunningStatusAndVelocityZeroNoteOff) {
  // One note-on status, then three events in running status; the last has velocity 0.
  const Bytes body = concat({{0x00, 0x91, 60, 90, 0x00, 64, 80, 0x10, 60, 0x00, 0x00, 64, 0x00}, kEndOfTrack});
  const File file = parseBytes(concat({header(0, 1, 480), trackChunk(body)}));
  const auto& events = file.tracks[0].events;
  ASSERT_EQ(events.size(), 5u);
  EXPECT_TRUE(events[1].isNoteOn());
  EXPECT_EQ(events[1].channel(), 1);
  EXPECT_EQ(events[1].data1, 64);
  EXPECT_TRUE(events[2].isNoteOff());
  EXPECT_EQ(events[2].tick, 0x10);
  EXPECT_TRUE(events[3].isNoteOff());
}

TEST(MidiFile, RunningStatusSurvivesMetaEvents) {
  const Bytes body = concat({{0x00, 0x90, 60, 90, 0x00, 0xFF, 0x01, 0x02, 'h', 'i', 0x10, 60, 0x00}, kEndOfTrack});
  const File file = parseBytes(concat({header(0, 1, 480), trackChunk(body)}));
  const auto& events = file.tracks[0].events;
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[1].payloadText(), "hi");
  EXPECT_TRUE(events[2].isNoteOff());
}

TEST(MidiFile, SkipsSysExAndUnknownChunks) {
  const Bytes body = concat({{0x00, 0xF0, 0x03, 0x7E, 0x7F, 0xF7, 0x00, 0xC0, 5, 0x00, 0xFF, 0x7F, 0x01, 0x00},
                             kEndOfTrack});
  const Bytes unknownChunk = {'X', 'F', 'I', 'H', 0, 0, 0, 2, 1, 2};
  const File file = parseBytes(concat({header(1, 1, 480), unknownChunk, trackChunk(body)}));
  ASSERT_EQ(file.tracks.size(), 1u);
  const auto& events = file.tracks[0].events;
  EXPECT_EQ(events[0].kind, EventKind::SysEx);
  EXPECT_EQ(events[1].type(), status::kProgramChange);
  EXPECT_EQ(events[1].data1, 5);
  EXPECT_EQ(events[2].kind, EventKind::Meta);
}

TEST(MidiFile, NotMidiNamesFileAndOffset) {
  try {
    parseBytes(Bytes{'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 0, 0, 0});
    FAIL() << "expected an error";
  } catch (const MidiError& error) {
    EXPECT_EQ(error.file(), "test.mid");
    EXPECT_EQ(error.offset(), 0u);
    EXPECT_NE(std::string(error.what()).find("not a MIDI file"), std::string::npos);
  }
}

TEST(MidiFile, TruncatedTrackGivesOffset) {
  Bytes bytes = concat({header(0, 1, 480), trackChunk(concat({{0x00, 0x90, 60, 90}, kEndOfTrack}))});
  bytes.resize(bytes.size() - 3);
  try {
    parseBytes(bytes);
    FAIL() << "expected an error";
  } catch (const MidiError& error) {
    EXPECT_EQ(error.offset(), 14u);  // the track chunk starts right after the header
    EXPECT_NE(std::string(error.what()).find("truncated"), std::string::npos);
  }
}

TEST(MidiFile, DataByteWithoutStatusIsAnError) {
  const Bytes body = {0x00, 60, 90};
  EXPECT_THROW(parseBytes(concat({header(0, 1, 480), trackChunk(body)})), MidiError);
}

TEST(MidiFile, OverlongVariableLengthNumberIsAnError) {
  const Bytes body = {0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x90, 60, 90};
  EXPECT_THROW(parseBytes(concat({header(0, 1, 480), trackChunk(body)})), MidiError);
}

TEST(MidiFile, MetaLengthPastTrackEndIsAnError) {
  const Bytes body = {0x00, 0xFF, 0x01, 0x7F, 'a'};
  EXPECT_THROW(parseBytes(concat({header(0, 1, 480), trackChunk(body)})), MidiError);
}

TEST(MidiFile, SerializeThenParseKeepsEvents) {
  const Bytes body = concat({{0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x00, 0x90, 60, 90, 0x81, 0x00, 0x80, 60, 0},
                             kEndOfTrack});
  const File original = parseBytes(concat({header(1, 1, 480), trackChunk(body)}));
  const File again = parseBytes(serialize(original));
  ASSERT_EQ(again.tracks.size(), 1u);
  ASSERT_EQ(again.tracks[0].events.size(), original.tracks[0].events.size());
  for (std::size_t i = 0; i < original.tracks[0].events.size(); ++i) {
    const Event& a = original.tracks[0].events[i];
    const Event& b = again.tracks[0].events[i];
    EXPECT_EQ(a.tick, b.tick);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.data1, b.data1);
    EXPECT_EQ(a.payload, b.payload);
  }
}

TEST(MidiFile, RiffWrappedErrorsCountFromTheStartOfTheFile) {
  // RMID wrapper (20 bytes before the SMF data) around a file whose track is cut short.
  const Bytes smf = concat({header(0, 1, 480), trackChunk({0x00, 0x90, 60})});
  Bytes riff = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'R', 'M', 'I', 'D', 'd', 'a', 't', 'a',
                static_cast<std::uint8_t>(smf.size()), 0, 0, 0};
  riff.insert(riff.end(), smf.begin(), smf.end());
  try {
    parseBytes(riff);
    FAIL() << "expected an error";
  } catch (const MidiError& error) {
    EXPECT_EQ(error.offset(), 20u + 22u);  // the note-on's delta time, inside the wrapped data
  }
}

TEST(MidiFile, JunkAfterTheDeclaredTracksIsIgnored) {
  const Bytes track = trackChunk(concat({{0x00, 0x90, 60, 90, 0x60, 0x80, 60, 0}, kEndOfTrack}));
  const File file = parseBytes(concat({header(0, 1, 96), track, {'j', 'u', 'n', 'k', 0xFF, 0xFF, 0xFF, 0xFF, 1}}));
  EXPECT_EQ(file.tracks.size(), 1u);
  // The same junk while a declared track is still missing is an error.
  EXPECT_THROW(parseBytes(concat({header(0, 2, 96), track, {'j', 'u', 'n', 'k', 0xFF, 0xFF, 0xFF, 0xFF, 1}})),
               MidiError);
}

TEST(MidiFile, SerializeRefusesWhatTheFormatCannotHold) {
  File file;
  file.tracks.resize(1);
  Event note;
  note.status = status::kNoteOn;
  note.data1 = 60;
  note.data2 = 90;
  note.tick = 0x0FFFFFFF;  // the largest delta time: fine
  file.tracks[0].events.push_back(note);
  EXPECT_EQ(parse(serialize(file)).tracks[0].events[0].tick, 0x0FFFFFFF);
  note.tick = 2 * std::int64_t{0x0FFFFFFF} + 1;  // one tick too far after the first
  file.tracks[0].events.push_back(note);
  EXPECT_THROW(serialize(file), std::invalid_argument);
  file.tracks[0].events.pop_back();
  file.ticksPerQuarter = 0x8000;  // would read back as an SMPTE division
  EXPECT_THROW(serialize(file), std::invalid_argument);
  file.ticksPerQuarter = 480;
  file.tracks[0].events[0].status = 0x3C;  // not a status byte
  EXPECT_THROW(serialize(file), std::invalid_argument);
}

}  // namespace
}  // namespace lofi::midi
