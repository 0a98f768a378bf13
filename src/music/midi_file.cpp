#include "music/midi_file.h"

#include <algorithm>
#include <cstring>

#include "common/atomic_file.h"

namespace lofi::midi {

MidiError::MidiError(std::string file, std::size_t offset, const std::string& what)
    : std::runtime_error(file + ": byte " + std::to_string(offset) + ": " + what),
      file_(std::move(file)),
      offset_(offset) {}

namespace {

// Bounds-checked cursor over the input; every read names its offset on failure.
class Reader {
 public:
  Reader(std::span<const std::uint8_t> bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  std::size_t offset() const { return pos_; }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  bool atEnd() const { return pos_ >= bytes_.size(); }

  [[noreturn]] void fail(const std::string& what) const { throw MidiError(name_, pos_, what); }
  [[noreturn]] void failAt(std::size_t offset, const std::string& what) const {
    throw MidiError(name_, offset, what);
  }

  void need(std::size_t count, const char* what) const {
    if (remaining() < count) fail(std::string("unexpected end of data reading ") + what);
  }
  std::uint8_t u8(const char* what) {
    need(1, what);
    return bytes_[pos_++];
  }
  std::uint8_t peek() const { return bytes_[pos_]; }
  std::uint32_t be(int count, const char* what) {
    need(static_cast<std::size_t>(count), what);
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) value = (value << 8) | bytes_[pos_++];
    return value;
  }
  // Variable-length quantity: at most 4 bytes (28 bits) by the specification.
  std::uint32_t vlq(const char* what) {
    const std::size_t start = pos_;
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
  std::size_t pos_ = 0;
};

// Number of data bytes that follow a channel status byte.
int channelDataBytes(std::uint8_t statusByte) {
  const std::uint8_t type = statusByte & 0xF0;
  return (type == status::kProgramChange || type == status::kChannelPressure) ? 1 : 2;
}

Track parseTrack(Reader& in, std::size_t chunkEnd) {
  Track track;
  std::int64_t tick = 0;
  std::uint8_t runningStatus = 0;
  while (in.offset() < chunkEnd) {
    tick += in.vlq("delta time");
    if (in.offset() >= chunkEnd) in.fail("track ends inside an event");
    Event event;
    event.tick = tick;
    const std::size_t eventStart = in.offset();
    std::uint8_t first = in.u8("status byte");
    if (first == 0xFF) {
      event.kind = EventKind::Meta;
      event.metaType = in.u8("meta event type");
      const std::uint32_t length = in.vlq("meta event length");
      if (length > chunkEnd - std::min(in.offset(), chunkEnd)) in.fail("meta event runs past the end of its track");
      auto data = in.take(length, "meta event data");
      event.payload.assign(data.begin(), data.end());
      track.events.push_back(std::move(event));
      if (track.events.back().metaType == meta::kEndOfTrack) break;
      continue;
    }
    if (first == 0xF0 || first == 0xF7) {
      event.kind = EventKind::SysEx;
      event.status = first;
      const std::uint32_t length = in.vlq("SysEx length");
      if (length > chunkEnd - std::min(in.offset(), chunkEnd)) in.fail("SysEx event runs past the end of its track");
      auto data = in.take(length, "SysEx data");
      event.payload.assign(data.begin(), data.end());
      track.events.push_back(std::move(event));
      continue;
    }
    if (first >= 0xF1) in.failAt(eventStart, "system message byte 0x" + [&] {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02X", first);
      return std::string(hex);
    }() + " is not allowed in a MIDI file");

    std::uint8_t dataByte;
    if (first & 0x80) {
      runningStatus = first;
      dataByte = in.u8("channel event data");
    } else {
      if (runningStatus == 0) in.failAt(eventStart, "data byte without a status byte (no running status)");
      dataByte = first;
    }
    event.status = runningStatus;
    if (dataByte & 0x80) in.fail("channel event data byte has its high bit set");
    event.data1 = dataByte;
    if (channelDataBytes(runningStatus) == 2) {
      const std::uint8_t second = in.u8("channel event data");
      if (second & 0x80) in.fail("channel event data byte has its high bit set");
      event.data2 = second;
    }
    if (in.offset() > chunkEnd) in.fail("event runs past the end of its track");
    track.events.push_back(event);
  }
  return track;
}

void putBe(std::vector<std::uint8_t>& out, std::uint32_t value, int count) {
  for (int i = count - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void putVlq(std::vector<std::uint8_t>& out, std::uint32_t value) {
  std::uint8_t buffer[5];
  int length = 0;
  buffer[length++] = value & 0x7F;
  while (value >>= 7) buffer[length++] = static_cast<std::uint8_t>(0x80 | (value & 0x7F));
  while (length) out.push_back(buffer[--length]);
}

}  // namespace

File parse(std::span<const std::uint8_t> bytes, const std::string& name) {
  Reader in(bytes, name);
  if (bytes.size() < 14 || std::memcmp(bytes.data(), "MThd", 4) != 0) {
    // RIFF-wrapped MIDI (.rmi) is common enough to accept.
    if (bytes.size() >= 20 && std::memcmp(bytes.data(), "RIFF", 4) == 0 &&
        std::memcmp(bytes.data() + 8, "RMID", 4) == 0) {
      for (std::size_t pos = 12; pos + 8 <= bytes.size();) {
        const std::uint32_t size = (bytes[pos + 4]) | (bytes[pos + 5] << 8) | (bytes[pos + 6] << 16) |
                                   (static_cast<std::uint32_t>(bytes[pos + 7]) << 24);
        if (std::memcmp(bytes.data() + pos, "data", 4) == 0) {
          if (size > bytes.size() - pos - 8) throw MidiError(name, pos, "RIFF data chunk runs past the end of the file");
          return parse(bytes.subspan(pos + 8, size), name);
        }
        if (size > bytes.size() - pos - 8) break;
        pos += 8 + size + (size & 1);
      }
      throw MidiError(name, 12, "RIFF file has no MIDI data chunk");
    }
    throw MidiError(name, 0, "not a MIDI file (no MThd header)");
  }
  in.tag();
  const std::uint32_t headerLength = in.be(4, "header length");
  if (headerLength < 6) in.fail("header chunk is shorter than 6 bytes");
  if (headerLength > in.remaining()) in.fail("header chunk runs past the end of the file");
  const std::size_t headerEnd = in.offset() + headerLength;
  File file;
  file.format = static_cast<int>(in.be(2, "format"));
  if (file.format > 2) in.failAt(in.offset() - 2, "unknown MIDI format " + std::to_string(file.format));
  const std::uint32_t declaredTracks = in.be(2, "track count");
  const std::uint32_t division = in.be(2, "time division");
  if (division & 0x8000) {
    // SMPTE: frames per second x ticks per frame. Assume 120 BPM to get ticks per quarter.
    const int framesPerSecond = 256 - static_cast<int>(division >> 8);
    const int ticksPerFrame = static_cast<int>(division & 0xFF);
    file.ticksPerQuarter = framesPerSecond * ticksPerFrame / 2;
  } else {
    file.ticksPerQuarter = static_cast<int>(division);
  }
  if (file.ticksPerQuarter <= 0) in.failAt(12, "time division is zero");
  in.take(headerEnd - in.offset(), "header");

  while (!in.atEnd()) {
    if (in.remaining() < 8) {
      // Trailing padding after the last chunk is common in the wild; ignore it if it is zeros.
      auto rest = in.take(in.remaining(), "trailing bytes");
      if (std::all_of(rest.begin(), rest.end(), [](std::uint8_t b) { return b == 0; })) break;
      in.failAt(in.offset() - rest.size(), "truncated chunk header");
    }
    const std::size_t chunkStart = in.offset();
    const std::string type = in.tag();
    const std::uint32_t length = in.be(4, "chunk length");
    if (length > in.remaining()) {
      if (type == "MTrk") in.failAt(chunkStart, "track chunk is truncated (declares " + std::to_string(length) +
                                                    " bytes, " + std::to_string(in.remaining()) + " remain)");
      in.failAt(chunkStart, "chunk '" + type + "' runs past the end of the file");
    }
    const std::size_t chunkEnd = in.offset() + length;
    if (type == "MTrk") {
      file.tracks.push_back(parseTrack(in, chunkEnd));
    }
    in.take(chunkEnd - in.offset(), "chunk");  // skip unknown chunks and bytes after End of Track
  }
  if (file.tracks.empty()) throw MidiError(name, 14, "file has no track chunks");
  (void)declaredTracks;  // many files miscount their tracks; trust the chunks actually present
  return file;
}

File readFile(const std::string& path) {
  const std::string content = readFileToString(path, std::size_t{64} << 20);
  return parse(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(content.data()),
                                             content.size()),
               path);
}

std::vector<std::uint8_t> serialize(const File& file) {
  std::vector<std::uint8_t> out;
  out.insert(out.end(), {'M', 'T', 'h', 'd'});
  putBe(out, 6, 4);
  putBe(out, static_cast<std::uint32_t>(file.format), 2);
  putBe(out, static_cast<std::uint32_t>(file.tracks.size()), 2);
  putBe(out, static_cast<std::uint32_t>(file.ticksPerQuarter), 2);
  for (const Track& track : file.tracks) {
    std::vector<std::uint8_t> body;
    std::int64_t lastTick = 0;
    bool ended = false;
    for (const Event& event : track.events) {
      putVlq(body, static_cast<std::uint32_t>(std::max<std::int64_t>(0, event.tick - lastTick)));
      lastTick = std::max(lastTick, event.tick);
      switch (event.kind) {
        case EventKind::Meta:
          body.push_back(0xFF);
          body.push_back(event.metaType);
          putVlq(body, static_cast<std::uint32_t>(event.payload.size()));
          body.insert(body.end(), event.payload.begin(), event.payload.end());
          ended = event.metaType == meta::kEndOfTrack;
          break;
        case EventKind::SysEx:
          body.push_back(event.status);
          putVlq(body, static_cast<std::uint32_t>(event.payload.size()));
          body.insert(body.end(), event.payload.begin(), event.payload.end());
          break;
        case EventKind::Channel:
          body.push_back(event.status);
          body.push_back(event.data1 & 0x7F);
          if (channelDataBytes(event.status) == 2) body.push_back(event.data2 & 0x7F);
          break;
      }
      if (ended) break;
    }
    if (!ended) body.insert(body.end(), {0x00, 0xFF, meta::kEndOfTrack, 0x00});
    out.insert(out.end(), {'M', 'T', 'r', 'k'});
    putBe(out, static_cast<std::uint32_t>(body.size()), 4);
    out.insert(out.end(), body.begin(), body.end());
  }
  return out;
}

void writeFile(const File& file, const std::string& path) { writeFileAtomically(path, serialize(file)); }

}  // namespace lofi::midi
