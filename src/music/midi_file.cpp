#include "music/midi_file.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "common/atomic_file.h"

namespace lofi::midi {

MidiError::MidiError(std::string file, std::size_t offset, const std::string& what)
    : std::runtime_error(file + ": byte " + std::to_string(offset) + ": " + what),
      file_(std::move(file)),
      offset_(offset),
      problem_(what) {}

namespace {

// Bounds-checked cursor over one region of the input (the whole file, or one
// chunk). Offsets in errors are counted from the start of the file, and an
// item cut off by the end of its region is reported where the item began, so
// every offset names a byte inside the file.
class Reader {
 public:
  Reader(std::span<const std::uint8_t> bytes, const std::string& name, std::size_t baseOffset,
         const char* endOfRegion)
      : bytes_(bytes), name_(name), base_(baseOffset), endOfRegion_(endOfRegion) {}

  std::size_t offset() const { return base_ + pos_; }  // in the file
  std::size_t remaining() const { return bytes_.size() - pos_; }
  bool atEnd() const { return pos_ >= bytes_.size(); }
  // Marks where the item being read begins, for truncation errors.
  void beginItem() { itemStart_ = pos_; }

  [[noreturn]] void failAt(std::size_t fileOffset, const std::string& what) const {
    throw MidiError(name_, fileOffset, what);
  }

  void need(std::size_t count, const char* what) const {
    if (remaining() < count) failAt(base_ + itemStart_, std::string(endOfRegion_) + " (reading " + what + ")");
  }
  std::uint8_t u8(const char* what) {
    need(1, what);
    return bytes_[pos_++];
  }
  std::uint32_t be(int count, const char* what) {
    need(static_cast<std::size_t>(count), what);
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) value = (value << 8) | bytes_[pos_++];
    return value;
  }
  // Variable-length quantity: at most 4 bytes (28 bits) by the specification.
  std::uint32_t vlq(const char* what) {
    const std::size_t start = offset();
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const std::uint8_t byte = u8(what);
      value = (value << 7) | (byte & 0x7F);
      if (!(byte & 0x80)) return value;
    }
    failAt(start, std::string("variable-length number longer than 4 bytes in ") + what);
  }
  std::span<const std::uint8_t> take(std::size_t count, const char* what) {
    need(count, what);
    auto out = bytes_.subspan(pos_, count);
    pos_ += count;
    return out;
  }
  std::string tag() {
    auto raw = take(4, "chunk type");
    return std::string(raw.begin(), raw.end());
  }

 private:
  std::span<const std::uint8_t> bytes_;
  const std::string& name_;
  std::size_t base_;
  const char* endOfRegion_;  // what running out of bytes means here
  std::size_t pos_ = 0;
  std::size_t itemStart_ = 0;
};

std::string hexByte(std::uint8_t value) {
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02X", value);
  return hex;
}

// Number of data bytes that follow a channel status byte.
int channelDataBytes(std::uint8_t statusByte) {
  const std::uint8_t type = statusByte & 0xF0;
  return (type == status::kProgramChange || type == status::kChannelPressure) ? 1 : 2;
}

// Meta and SysEx events: a length, then that many bytes, all inside the track.
void readPayload(Reader& in, Event& event, std::size_t eventStart, const char* what) {
  const std::uint32_t length = in.vlq("event length");
  if (length > in.remaining())
    in.failAt(eventStart, std::string(what) + " of " + std::to_string(length) + " bytes runs past the end of its track");
  auto data = in.take(length, what);
  event.payload.assign(data.begin(), data.end());
}

// Parses one MTrk chunk body; `in` covers exactly the chunk's declared length.
Track parseTrack(Reader& in) {
  Track track;
  std::int64_t tick = 0;
  std::uint8_t runningStatus = 0;
  while (!in.atEnd()) {
    in.beginItem();
    tick += in.vlq("delta time");
    Event event;
    event.tick = tick;
    const std::size_t eventStart = in.offset();
    const std::uint8_t first = in.u8("status byte");
    if (first == 0xFF) {
      event.kind = EventKind::Meta;
      event.metaType = in.u8("meta event type");
      readPayload(in, event, eventStart, "meta event");
      track.events.push_back(std::move(event));
      if (track.events.back().metaType == meta::kEndOfTrack) break;
      continue;
    }
    if (first == 0xF0 || first == 0xF7) {
      event.kind = EventKind::SysEx;
      event.status = first;
      readPayload(in, event, eventStart, "SysEx event");
      track.events.push_back(std::move(event));
      continue;
    }
    if (first >= 0xF1) in.failAt(eventStart, "system message byte 0x" + hexByte(first) + " is not allowed in a MIDI file");

    std::uint8_t dataByte;
    if (first & 0x80) {
      runningStatus = first;
      dataByte = in.u8("channel event data");
    } else {
      if (runningStatus == 0) in.failAt(eventStart, "data byte without a status byte (no running status)");
      dataByte = first;
    }
    event.status = runningStatus;
    if (dataByte & 0x80) in.failAt(in.offset() - 1, "channel event data byte has its high bit set");
    event.data1 = dataByte;
    if (channelDataBytes(runningStatus) == 2) {
      const std::uint8_t second = in.u8("channel event data");
      if (second & 0x80) in.failAt(in.offset() - 1, "channel event data byte has its high bit set");
      event.data2 = second;
    }
    track.events.push_back(event);
  }
  return track;
}

// The writer refuses what SMF cannot hold rather than write a file no reader accepts.
constexpr std::uint32_t kMaxVlq = 0x0FFFFFFF;  // 4 bytes of 7 bits

void putTag(std::vector<std::uint8_t>& out, const char (&tag)[5]) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(tag[i]));
}

void putBe(std::vector<std::uint8_t>& out, std::uint32_t value, int count) {
  for (int i = count - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void putVlq(std::vector<std::uint8_t>& out, std::uint64_t value, const char* what) {
  if (value > kMaxVlq)
    throw std::invalid_argument(std::string("cannot write a MIDI file: ") + what + " " + std::to_string(value) +
                                " exceeds the format's limit of " + std::to_string(kMaxVlq));
  std::uint8_t buffer[4];
  int length = 0;
  buffer[length++] = value & 0x7F;
  while (value >>= 7) buffer[length++] = static_cast<std::uint8_t>(0x80 | (value & 0x7F));
  while (length) out.push_back(buffer[--length]);
}

void putEvent(std::vector<std::uint8_t>& body, const Event& event) {
  switch (event.kind) {
    case EventKind::Meta:
      body.push_back(0xFF);
      body.push_back(event.metaType);
      putVlq(body, event.payload.size(), "meta event length");
      body.insert(body.end(), event.payload.begin(), event.payload.end());
      break;
    case EventKind::SysEx:
      body.push_back(event.status == 0xF7 ? 0xF7 : 0xF0);
      putVlq(body, event.payload.size(), "SysEx length");
      body.insert(body.end(), event.payload.begin(), event.payload.end());
      break;
    case EventKind::Channel:
      if (event.status < 0x80 || event.status >= 0xF0)
        throw std::invalid_argument("cannot write a MIDI file: 0x" + hexByte(event.status) +
                                    " is not a channel event status");
      body.push_back(event.status);
      body.push_back(event.data1 & 0x7F);
      if (channelDataBytes(event.status) == 2) body.push_back(event.data2 & 0x7F);
      break;
  }
}

// Events up to the first End of Track; one is added if the track lacks it.
std::vector<std::uint8_t> trackBody(const Track& track) {
  std::vector<std::uint8_t> body;
  std::int64_t lastTick = 0;
  for (const Event& event : track.events) {
    putVlq(body, static_cast<std::uint64_t>(std::max<std::int64_t>(0, event.tick - lastTick)), "delta time");
    lastTick = std::max(lastTick, event.tick);
    putEvent(body, event);
    if (event.isMeta(meta::kEndOfTrack)) return body;
  }
  for (std::uint8_t byte : {0x00, 0xFF, int{meta::kEndOfTrack}, 0x00}) body.push_back(byte);
  return body;
}

}  // namespace

namespace {

std::uint32_t littleEndian32(std::span<const std::uint8_t> bytes, std::size_t at) {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (static_cast<std::uint32_t>(bytes[at + 3]) << 24);
}

bool startsWith(std::span<const std::uint8_t> bytes, std::size_t at, const char (&tag)[5]) {
  return bytes.size() >= at + 4 && std::memcmp(bytes.data() + at, tag, 4) == 0;
}

// RIFF-wrapped MIDI (.rmi) is common enough to accept: returns the offset of
// the SMF bytes inside the "data" chunk and their length.
std::pair<std::size_t, std::size_t> riffMidiData(std::span<const std::uint8_t> bytes, const std::string& name) {
  for (std::size_t pos = 12; pos + 8 <= bytes.size();) {
    const std::uint32_t size = littleEndian32(bytes, pos + 4);
    const bool fits = size <= bytes.size() - pos - 8;
    if (startsWith(bytes, pos, "data")) {
      if (!fits) throw MidiError(name, pos, "RIFF data chunk runs past the end of the file");
      // Named at its header: an empty chunk may end the file, and errors name a byte inside it.
      if (size == 0) throw MidiError(name, pos, "RIFF data chunk is empty");
      return {pos + 8, size};
    }
    if (!fits) break;
    pos += 8 + size + (size & 1);
  }
  throw MidiError(name, 0, "RIFF file has no MIDI data chunk");
}

int ticksPerQuarterFromDivision(std::uint32_t division) {
  if (!(division & 0x8000)) return static_cast<int>(division);
  // SMPTE: frames per second x ticks per frame. Assume 120 BPM to get ticks per quarter.
  const int framesPerSecond = 256 - static_cast<int>(division >> 8);
  const int ticksPerFrame = static_cast<int>(division & 0xFF);
  return framesPerSecond * ticksPerFrame / 2;
}

// Parses SMF bytes that start `base` bytes into the file called `name`.
File parseSmf(std::span<const std::uint8_t> bytes, const std::string& name, std::size_t base) {
  if (!startsWith(bytes, 0, "MThd")) throw MidiError(name, base, "not a MIDI file (no MThd header)");
  Reader in(bytes, name, base, "file ends inside the header chunk");
  in.tag();
  const std::uint32_t headerLength = in.be(4, "header length");
  if (headerLength < 6) in.failAt(base + 4, "header chunk is shorter than 6 bytes");
  if (headerLength > in.remaining()) in.failAt(base + 4, "header chunk runs past the end of the file");
  Reader header(in.take(headerLength, "header"), name, base + 8, "header chunk is too short");
  File file;
  file.format = static_cast<int>(header.be(2, "format"));
  if (file.format > 2) header.failAt(base + 8, "unknown MIDI format " + std::to_string(file.format));
  const std::uint32_t declaredTracks = header.be(2, "track count");
  file.ticksPerQuarter = ticksPerQuarterFromDivision(header.be(2, "time division"));
  if (file.ticksPerQuarter <= 0) header.failAt(base + 12, "time division gives zero ticks per quarter note");

  while (!in.atEnd()) {
    // Many files miscount their tracks, so the chunks present are trusted; but
    // once the declared tracks are all read, whatever follows is trailing junk.
    const bool declaredTracksRead = declaredTracks > 0 && file.tracks.size() >= declaredTracks;
    in.beginItem();
    const std::size_t chunkStart = in.offset();
    if (in.remaining() < 8) {
      auto rest = in.take(in.remaining(), "trailing bytes");
      // Zero padding after the last chunk is common in the wild.
      if (declaredTracksRead || std::all_of(rest.begin(), rest.end(), [](std::uint8_t b) { return b == 0; })) break;
      in.failAt(chunkStart, "truncated chunk header");
    }
    const std::string type = in.tag();
    const std::uint32_t length = in.be(4, "chunk length");
    if (length > in.remaining()) {
      if (declaredTracksRead) break;
      if (type == "MTrk")
        in.failAt(chunkStart, "track chunk is truncated (declares " + std::to_string(length) + " bytes, " +
                                  std::to_string(in.remaining()) + " remain)");
      in.failAt(chunkStart, "chunk '" + type + "' runs past the end of the file");
    }
    auto body = in.take(length, "chunk");
    if (type != "MTrk") continue;  // unknown chunks are skipped, as the specification asks
    Reader track(body, name, chunkStart + 8, "track chunk ends inside an event");
    file.tracks.push_back(parseTrack(track));  // bytes after End of Track are ignored
  }
  if (file.tracks.empty()) throw MidiError(name, base, "file has no track chunks");
  return file;
}

}  // namespace

File parse(std::span<const std::uint8_t> bytes, const std::string& name) {
  if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "RMID")) {
    const auto [offset, length] = riffMidiData(bytes, name);
    return parseSmf(bytes.subspan(offset, length), name, offset);
  }
  return parseSmf(bytes, name, 0);
}

File readFile(const std::string& path) {
  const std::string content = readFileToString(path, std::size_t{64} << 20);
  return parse(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(content.data()),
                                             content.size()),
               path);
}

std::vector<std::uint8_t> serialize(const File& file) {
  if (file.ticksPerQuarter <= 0 || file.ticksPerQuarter > 0x7FFF)
    throw std::invalid_argument("cannot write a MIDI file: " + std::to_string(file.ticksPerQuarter) +
                                " ticks per quarter note is outside 1-32767");
  if (file.tracks.size() > 0xFFFF)
    throw std::invalid_argument("cannot write a MIDI file: " + std::to_string(file.tracks.size()) +
                                " tracks is more than 65535");
  std::vector<std::uint8_t> out;
  putTag(out, "MThd");
  putBe(out, 6, 4);
  putBe(out, static_cast<std::uint32_t>(std::clamp(file.format, 0, 2)), 2);
  putBe(out, static_cast<std::uint32_t>(file.tracks.size()), 2);
  putBe(out, static_cast<std::uint32_t>(file.ticksPerQuarter), 2);
  for (const Track& track : file.tracks) {
    const std::vector<std::uint8_t> body = trackBody(track);
    putTag(out, "MTrk");
    putBe(out, static_cast<std::uint32_t>(body.size()), 4);
    out.insert(out.end(), body.begin(), body.end());
  }
  return out;
}

void writeFile(const File& file, const std::string& path) { writeFileAtomically(path, serialize(file)); }

}  // namespace lofi::midi
