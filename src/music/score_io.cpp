#include "music/score_io.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <tuple>

namespace lofi {
namespace {

struct OpenNote {
  std::int64_t startTick;
  int velocity;
};

void readMeta(const midi::Event& event, Score& score, std::string& trackName) {
  const auto& data = event.payload;
  switch (event.metaType) {
    case midi::meta::kTempo:
      if (data.size() >= 3) {
        const int micros = (data[0] << 16) | (data[1] << 8) | data[2];
        if (micros > 0) score.tempos.push_back({event.tick, micros});
      }
      break;
    case midi::meta::kTimeSignature:
      if (data.size() >= 2 && data[0] > 0 && data[1] < 8) {
        score.timeSignatures.push_back({event.tick, data[0], 1 << data[1]});
      }
      break;
    case midi::meta::kKeySignature:
      if (data.size() >= 2) {
        score.keySignatures.push_back({event.tick, static_cast<std::int8_t>(data[0]), data[1] == 1});
      }
      break;
    case midi::meta::kTrackName:
      if (trackName.empty()) trackName = event.payloadText();
      break;
    case midi::meta::kText:
    case midi::meta::kMarker:
    case midi::meta::kLyric:
      score.labels.push_back({event.tick, event.metaType, event.payloadText()});
      break;
    default:
      break;  // other meta events carry nothing we use
  }
}

template <typename T>
void sortByTick(std::vector<T>& items) {
  std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.tick < b.tick; });
}

// Removes all but the last entry at each tick (a later event at the same tick wins).
template <typename T>
void keepLastPerTick(std::vector<T>& items) {
  std::vector<T> kept;
  for (const T& item : items) {
    if (!kept.empty() && kept.back().tick == item.tick) kept.back() = item;
    else kept.push_back(item);
  }
  items = std::move(kept);
}

}  // namespace

Score scoreFromMidi(const midi::File& file) {
  Score score;
  score.ticksPerQuarter = file.ticksPerQuarter;
  for (std::size_t trackIndex = 0; trackIndex < file.tracks.size(); ++trackIndex) {
    const midi::Track& track = file.tracks[trackIndex];
    std::string trackName;
    std::map<int, Part> partsByChannel;
    std::map<std::pair<int, int>, std::deque<OpenNote>> open;  // (channel, pitch) -> FIFO of note-ons
    std::array<int, 16> program{};
    std::int64_t lastTick = 0;
    for (const midi::Event& event : track.events) {
      lastTick = std::max(lastTick, event.tick);
      if (event.kind == midi::EventKind::Meta) {
        readMeta(event, score, trackName);
        continue;
      }
      if (event.kind != midi::EventKind::Channel) continue;
      const int channel = event.channel();
      if (event.type() == midi::status::kProgramChange) {
        program[channel] = event.data1;
        // A program change before the channel's first note names its instrument.
        auto it = partsByChannel.find(channel);
        if (it == partsByChannel.end() || it->second.notes.empty()) {
          Part& part = partsByChannel[channel];
          part.program = event.data1;
        }
        continue;
      }
      if (event.isNoteOn()) {
        open[{channel, event.data1}].push_back({event.tick, event.data2});
        continue;
      }
      if (event.isNoteOff()) {
        auto it = open.find({channel, event.data1});
        if (it == open.end() || it->second.empty()) continue;  // stray note-off
        const OpenNote started = it->second.front();
        it->second.pop_front();
        Part& part = partsByChannel[channel];
        if (part.notes.empty()) part.program = program[channel];
        part.notes.push_back({started.startTick, event.tick, event.data1, started.velocity, channel});
      }
    }
    for (auto& [key, queue] : open) {
      for (const OpenNote& started : queue) {
        Part& part = partsByChannel[key.first];
        part.notes.push_back({started.startTick, lastTick, key.second, started.velocity, key.first});
      }
    }
    for (auto& [channel, part] : partsByChannel) {
      if (part.notes.empty()) continue;
      part.name = trackName;
      part.channel = channel;
      part.isDrum = channel == kDrumChannel;
      part.sourceTrack = static_cast<int>(trackIndex);
      std::stable_sort(part.notes.begin(), part.notes.end(), [](const Note& a, const Note& b) {
        return std::tie(a.startTick, a.pitch) < std::tie(b.startTick, b.pitch);
      });
      score.parts.push_back(std::move(part));
    }
  }
  sortByTick(score.tempos);
  keepLastPerTick(score.tempos);
  sortByTick(score.timeSignatures);
  keepLastPerTick(score.timeSignatures);
  sortByTick(score.keySignatures);
  keepLastPerTick(score.keySignatures);
  sortByTick(score.labels);
  return score;
}

namespace {

midi::Event metaEvent(std::int64_t tick, std::uint8_t type, std::vector<std::uint8_t> payload) {
  midi::Event event;
  event.tick = tick;
  event.kind = midi::EventKind::Meta;
  event.metaType = type;
  event.payload = std::move(payload);
  return event;
}

midi::Event textEvent(std::int64_t tick, std::uint8_t type, const std::string& text) {
  return metaEvent(tick, type, std::vector<std::uint8_t>(text.begin(), text.end()));
}

midi::Event channelEvent(std::int64_t tick, std::uint8_t status, int data1, int data2) {
  midi::Event event;
  event.tick = tick;
  event.status = status;
  event.data1 = static_cast<std::uint8_t>(std::clamp(data1, 0, 127));
  event.data2 = static_cast<std::uint8_t>(std::clamp(data2, 0, 127));
  return event;
}

int log2Exact(int value) {
  int power = 0;
  while ((1 << power) < value && power < 7) ++power;
  return power;
}

}  // namespace

midi::File midiFromScore(const Score& score) {
  midi::File file;
  file.format = 1;
  file.ticksPerQuarter = score.ticksPerQuarter;

  std::vector<midi::Event> conductor;
  for (const TempoChange& tempo : score.tempos) {
    const int micros = tempo.microsPerQuarter;
    conductor.push_back(metaEvent(tempo.tick, midi::meta::kTempo,
                                  {static_cast<std::uint8_t>(micros >> 16), static_cast<std::uint8_t>(micros >> 8),
                                   static_cast<std::uint8_t>(micros)}));
  }
  for (const TimeSignature& meter : score.timeSignatures) {
    conductor.push_back(metaEvent(meter.tick, midi::meta::kTimeSignature,
                                  {static_cast<std::uint8_t>(meter.numerator),
                                   static_cast<std::uint8_t>(log2Exact(meter.denominator)), 24, 8}));
  }
  for (const KeySignature& key : score.keySignatures) {
    conductor.push_back(metaEvent(key.tick, midi::meta::kKeySignature,
                                  {static_cast<std::uint8_t>(static_cast<std::int8_t>(key.sharps)),
                                   static_cast<std::uint8_t>(key.minor ? 1 : 0)}));
  }
  for (const TextLabel& label : score.labels) {
    conductor.push_back(textEvent(label.tick, static_cast<std::uint8_t>(label.metaType), label.text));
  }
  std::stable_sort(conductor.begin(), conductor.end(),
                   [](const midi::Event& a, const midi::Event& b) { return a.tick < b.tick; });
  file.tracks.push_back({std::move(conductor)});

  for (const Part& part : score.parts) {
    const int channel = part.isDrum ? kDrumChannel : std::clamp(part.channel, 0, 15);
    std::vector<midi::Event> events;
    if (!part.name.empty()) events.push_back(textEvent(0, midi::meta::kTrackName, part.name));
    if (!part.isDrum) {
      events.push_back(channelEvent(0, static_cast<std::uint8_t>(midi::status::kProgramChange | channel),
                                    part.program, 0));
    }
    // At one tick: note-offs of sounding notes, then note-ons, then the offs of
    // zero-length notes, so repeated notes re-strike and no note loses its off.
    std::vector<std::pair<int, midi::Event>> noteEvents;
    for (const Note& note : part.notes) {
      noteEvents.push_back({1, channelEvent(note.startTick, static_cast<std::uint8_t>(midi::status::kNoteOn | channel),
                                            note.pitch, std::max(1, note.velocity))});
      noteEvents.push_back({note.endTick > note.startTick ? 0 : 2,
                            channelEvent(note.endTick, static_cast<std::uint8_t>(midi::status::kNoteOff | channel),
                                         note.pitch, 0)});
    }
    std::stable_sort(noteEvents.begin(), noteEvents.end(), [](const auto& a, const auto& b) {
      return std::tie(a.second.tick, a.first) < std::tie(b.second.tick, b.first);
    });
    for (auto& [order, event] : noteEvents) events.push_back(std::move(event));
    file.tracks.push_back({std::move(events)});
  }
  return file;
}

Score readScore(const std::string& path) { return scoreFromMidi(midi::readFile(path)); }

void writeScore(const Score& score, const std::string& path) { midi::writeFile(midiFromScore(score), path); }

}  // namespace lofi
