// Standard MIDI File (SMF) bytes <-> raw events.
//
// This layer knows the file format only: chunks, delta times, running status,
// meta and SysEx events. Turning events into notes lives in score_io.h.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace lofi::midi {

// A malformed file: names the file and the byte offset where reading failed.
class MidiError : public std::runtime_error {
 public:
  MidiError(std::string file, std::size_t offset, const std::string& what);
  const std::string& file() const { return file_; }
  std::size_t offset() const { return offset_; }
  const std::string& problem() const { return problem_; }  // what() without file and offset

 private:
  std::string file_;
  std::size_t offset_;
  std::string problem_;
};

enum class EventKind : std::uint8_t { Channel, Meta, SysEx };

// Meta event types we interpret; every other type is kept as raw bytes.
namespace meta {
inline constexpr std::uint8_t kText = 0x01;
inline constexpr std::uint8_t kTrackName = 0x03;
inline constexpr std::uint8_t kInstrumentName = 0x04;
inline constexpr std::uint8_t kLyric = 0x05;
inline constexpr std::uint8_t kMarker = 0x06;
inline constexpr std::uint8_t kEndOfTrack = 0x2F;
inline constexpr std::uint8_t kTempo = 0x51;
inline constexpr std::uint8_t kTimeSignature = 0x58;
inline constexpr std::uint8_t kKeySignature = 0x59;
}  // namespace meta

// Channel voice status nibbles.
namespace status {
inline constexpr std::uint8_t kNoteOff = 0x80;
inline constexpr std::uint8_t kNoteOn = 0x90;
inline constexpr std::uint8_t kPolyPressure = 0xA0;
inline constexpr std::uint8_t kControlChange = 0xB0;
inline constexpr std::uint8_t kProgramChange = 0xC0;
inline constexpr std::uint8_t kChannelPressure = 0xD0;
inline constexpr std::uint8_t kPitchBend = 0xE0;
}  // namespace status

struct Event {
  std::int64_t tick = 0;  // absolute time in ticks from the start of the track
  EventKind kind = EventKind::Channel;
  std::uint8_t status = 0;    // channel events: full status byte (type | channel)
  std::uint8_t metaType = 0;  // meta events only
  std::uint8_t data1 = 0;     // channel events: first data byte
  std::uint8_t data2 = 0;     // channel events: second data byte (0 if none)
  std::vector<std::uint8_t> payload;  // meta and SysEx bytes

  std::uint8_t type() const { return status & 0xF0; }
  int channel() const { return status & 0x0F; }
  bool isNoteOn() const { return kind == EventKind::Channel && type() == status::kNoteOn && data2 > 0; }
  // Note-on with velocity 0 is a note-off by the SMF specification.
  bool isNoteOff() const {
    return kind == EventKind::Channel &&
           (type() == status::kNoteOff || (type() == status::kNoteOn && data2 == 0));
  }
  bool isMeta(std::uint8_t t) const { return kind == EventKind::Meta && metaType == t; }
  std::string payloadText() const { return std::string(payload.begin(), payload.end()); }
};

struct Track {
  std::vector<Event> events;  // in file order; ticks never decrease
};

struct File {
  int format = 1;
  int ticksPerQuarter = 480;
  std::vector<Track> tracks;
};

// Parses SMF bytes (or RIFF-wrapped .rmi). `name` is used in error messages only.
// Throws MidiError on anything malformed, with an offset inside `bytes`; never
// allocates more than the input allows.
File parse(std::span<const std::uint8_t> bytes, const std::string& name = "<memory>");

// Reads and parses a file from disk.
File readFile(const std::string& path);

// Serialises to SMF bytes (running status is not used, so any reader copes).
// Throws std::invalid_argument for what the format cannot hold: a gap between
// two events of a track or a payload over 2^28 - 1, ticks per quarter outside
// 1-32767, more than 65535 tracks, a channel event without a channel status.
std::vector<std::uint8_t> serialize(const File& file);

// Writes atomically: a temporary file beside `path`, then rename.
void writeFile(const File& file, const std::string& path);

}  // namespace lofi::midi
