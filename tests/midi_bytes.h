// Building small MIDI files byte by byte for tests.
#pragma once

#include <cstdint>
#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace lofi::test {

using Bytes = std::vector<std::uint8_t>;

// The end-of-track meta event, at delta time 0.
inline const Bytes kEndOfTrack = {0x00, 0xFF, 0x2F, 0x00};

inline Bytes header(int format, int trackCount, int ticksPerQuarter) {
  return {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, static_cast<std::uint8_t>(format), 0,
          static_cast<std::uint8_t>(trackCount), static_cast<std::uint8_t>(ticksPerQuarter >> 8),
          static_cast<std::uint8_t>(ticksPerQuarter & 0xFF)};
}

inline Bytes trackChunk(const Bytes& body) {
  Bytes out = {'M', 'T', 'r', 'k'};
  const auto size = static_cast<std::uint32_t>(body.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(size >> shift));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// One track's events at absolute ticks (appended in time order), written out
// with delta times.
class TrackBytes {
 public:
  TrackBytes& name(const std::string& text) {
    Bytes event = {0xFF, 0x03, static_cast<std::uint8_t>(text.size())};
    event.insert(event.end(), text.begin(), text.end());
    return add(0, event);
  }
  TrackBytes& meter(int tick, int numerator, int denominatorPower) {
    return add(tick, {0xFF, 0x58, 0x04, static_cast<std::uint8_t>(numerator),
                      static_cast<std::uint8_t>(denominatorPower), 24, 8});
  }
  TrackBytes& tempo(int tick, int microsecondsPerQuarter) {
    return add(tick, {0xFF, 0x51, 0x03, static_cast<std::uint8_t>(microsecondsPerQuarter >> 16),
                      static_cast<std::uint8_t>(microsecondsPerQuarter >> 8),
                      static_cast<std::uint8_t>(microsecondsPerQuarter)});
  }
  TrackBytes& on(int tick, int pitch, int channel = 0) {
    return add(tick, {static_cast<std::uint8_t>(0x90 | channel), static_cast<std::uint8_t>(pitch), 90});
  }
  TrackBytes& off(int tick, int pitch, int channel = 0) {
    return add(tick, {static_cast<std::uint8_t>(0x80 | channel), static_cast<std::uint8_t>(pitch), 0});
  }
  TrackBytes& note(int start, int end, int pitch, int channel = 0) {
    on(start, pitch, channel);
    return off(end, pitch, channel);
  }
  Bytes chunk() const {
    std::vector<Timed> sorted = events_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Timed& a, const Timed& b) { return a.tick < b.tick; });
    Bytes body;
    int now = 0;
    for (const Timed& event : sorted) {
      appendVariableLength(body, event.tick - now);
      now = event.tick;
      body.insert(body.end(), event.bytes.begin(), event.bytes.end());
    }
    body.insert(body.end(), kEndOfTrack.begin(), kEndOfTrack.end());
    return trackChunk(body);
  }

 private:
  struct Timed {
    int tick;
    Bytes bytes;
  };
  TrackBytes& add(int tick, Bytes bytes) {
    events_.push_back({tick, std::move(bytes)});
    return *this;
  }
  static void appendVariableLength(Bytes& out, int value) {
    Bytes groups = {static_cast<std::uint8_t>(value & 0x7F)};
    for (value >>= 7; value > 0; value >>= 7) groups.push_back(static_cast<std::uint8_t>(0x80 | (value & 0x7F)));
    out.insert(out.end(), groups.rbegin(), groups.rend());
  }
  std::vector<Timed> events_;
};

}  // namespace lofi::test
