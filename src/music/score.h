// Music as plain data: notes with start, end, pitch and velocity, grouped in
// parts, plus the tempo map, time signatures, key signatures and text labels.
// Every transformation (quantise, encode, transpose...) is a function over these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lofi {

inline constexpr int kDrumChannel = 9;  // MIDI channel 10, counted from zero

struct Note {
  std::int64_t startTick = 0;
  std::int64_t endTick = 0;  // exclusive; equal to startTick for a zero-length note
  int pitch = 60;            // MIDI number: 60 is middle C (C4)
  int velocity = 80;
  int channel = 0;

  std::int64_t durationTicks() const { return endTick - startTick; }
  bool operator==(const Note&) const = default;
};

// One instrument's notes. A MIDI track may hold several channels; each
// (track, channel) pair that plays notes becomes its own part.
struct Part {
  std::string name;      // track name, if the file gives one
  int program = 0;       // General MIDI program, 0-127 (0 = acoustic grand piano)
  int channel = 0;
  bool isDrum = false;   // channel 10: notes are drum sounds, not pitches
  int sourceTrack = 0;   // index of the MIDI track it came from
  std::vector<Note> notes;  // sorted by start tick, then pitch
};

struct TempoChange {
  std::int64_t tick = 0;
  int microsPerQuarter = 500000;  // 120 BPM
  double bpm() const { return 60'000'000.0 / microsPerQuarter; }
  bool operator==(const TempoChange&) const = default;
};

struct TimeSignature {
  std::int64_t tick = 0;
  int numerator = 4;
  int denominator = 4;
  bool operator==(const TimeSignature&) const = default;
};

struct KeySignature {
  std::int64_t tick = 0;
  int sharps = 0;  // negative for flats
  bool minor = false;
  bool operator==(const KeySignature&) const = default;
};

// Text, marker and lyric events: chord symbols and other labels live here.
struct TextLabel {
  std::int64_t tick = 0;
  int metaType = 0x06;  // marker by default
  std::string text;
  bool operator==(const TextLabel&) const = default;
};

struct Score {
  int ticksPerQuarter = 480;
  std::vector<Part> parts;
  std::vector<TempoChange> tempos;          // sorted by tick; empty means 120 BPM
  std::vector<TimeSignature> timeSignatures;  // sorted by tick; empty means 4/4
  std::vector<KeySignature> keySignatures;
  std::vector<TextLabel> labels;

  std::int64_t endTick() const;
  int noteCount() const;
};

// Converts ticks to seconds through the score's tempo map.
class TempoMap {
 public:
  explicit TempoMap(const Score& score);
  double seconds(std::int64_t tick) const;

 private:
  struct Segment {
    std::int64_t tick;
    double seconds;
    double secondsPerTick;
  };
  std::vector<Segment> segments_;
};

// General MIDI program names, 0-127.
const std::string& generalMidiName(int program);

}  // namespace lofi
