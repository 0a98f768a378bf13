#include "music/classic/music21_import.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

#include "music/classic/music21_quantize.h"

namespace lofi::m21 {
namespace {

constexpr int kDrumChannel = 10;  // music21 counts channels from 1
// Every key of every channel at once; more is a hostile file, not music.
constexpr std::size_t kMaxNotesStartingTogether = 16 * 128;

struct TimedNote {
  std::int64_t on = 0;
  std::int64_t off = 0;
  int pitch = 0;
  int channel = 1;
};

// getNotesFromEvents: each note-on takes the first later, still unused
// note-off of its pitch and channel. Note-ons that never end are dropped.
std::vector<TimedNote> pairNotes(const midi::Track& track) {
  std::map<std::pair<int, int>, std::deque<std::size_t>> offsByKey;  // (pitch, channel) -> event indices
  const auto& events = track.events;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].isNoteOff()) offsByKey[{events[i].data1, events[i].channel() + 1}].push_back(i);
  std::vector<TimedNote> notes;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const midi::Event& e = events[i];
    if (!e.isNoteOn()) continue;
    auto& offs = offsByKey[{e.data1, e.channel() + 1}];
    while (!offs.empty() && offs.front() < i) offs.pop_front();  // earlier offs can never match again
    if (offs.empty()) continue;
    notes.push_back({e.tick, events[offs.front()].tick, e.data1, e.channel() + 1});
    offs.pop_front();
  }
  return notes;
}

bool hasNoteOn(const midi::Track& track) {
  return std::any_of(track.events.begin(), track.events.end(), [](const midi::Event& e) { return e.isNoteOn(); });
}

// A name as music21 decodes it: UTF-8, cut at the first NUL, stripped.
std::optional<std::string> decodeName(const std::vector<std::uint8_t>& payload) {
  std::string text(payload.begin(), payload.end());
  // Reject malformed UTF-8 as Python's decode() would.
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return std::nullopt;
    i += length;
  }
  text = text.substr(0, text.find('\0'));
  const auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f'; };
  while (!text.empty() && isSpace(text.back())) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && isSpace(text[start])) ++start;
  return text.substr(start);
}

// midiEventsToInstrument for a track or instrument name (nullopt: not UTF-8).
InstrumentInfo instrumentFromNameEvent(const midi::Event& event, const std::optional<std::string>& decoded) {
  if (!decoded) return {};  // UnicodeDecodeError: a generic instrument
  InstrumentInfo info = instrumentFromName(*decoded).value_or(InstrumentInfo{});
  if (decoded->empty() || isPlaceholderInstrumentName(*decoded)) return info;
  if (event.metaType == midi::meta::kTrackName) info.partName = *decoded;
  else info.instrumentName = *decoded;
  return info;
}

class PartBuilder {
 public:
  PartBuilder(int ticksPerQuarter, StreamCounters& counters) : ticksPerQuarter_(ticksPerQuarter), counters_(counters) {}

  std::vector<Element>& elements() { return elements_; }
  std::vector<InstrumentInfo>& instruments() { return instruments_; }

  // getMetaEvents, then instrument.deduplicate.
  void addMetaEvents(const midi::Track& track) {
    for (const midi::Event& e : track.events) {
      Element element;
      element.kind = Kind::Instrument;
      if (e.isMeta(midi::meta::kTimeSignature)) {
        if (e.payload.size() < 2) throw std::runtime_error("time signature event without numerator and denominator");
        element.kind = Kind::TimeSignature;
        element.meter = MeterFraction{e.payload[0], 1 << std::min<int>(e.payload[1], 16)};
        if (element.meter.numerator == 0) throw std::runtime_error("time signature with a zero numerator");
      } else if (e.isMeta(midi::meta::kKeySignature)) {
        element.kind = Kind::KeySignature;
      } else if (e.isMeta(midi::meta::kTempo)) {
        element.kind = Kind::Tempo;
      } else if (e.isMeta(midi::meta::kTrackName) || e.isMeta(midi::meta::kInstrumentName)) {
        // An empty name gives no instrument: the seed's tokens of files whose
        // tracks are all named "" follow the program changes alone.
        const std::optional<std::string> decoded = decodeName(e.payload);
        if (decoded && decoded->empty()) continue;
        element.instrument = addInstrument(instrumentFromNameEvent(e, decoded));
      } else if (e.kind == midi::EventKind::Channel && e.type() == midi::status::kProgramChange) {
        element.instrument = addInstrument(instrumentFromProgram(e.data1, e.channel() + 1 == kDrumChannel));
      } else {
        continue;
      }
      append(std::move(element), QuarterLength(e.tick, ticksPerQuarter_));
    }
    deduplicateInstruments();
  }

  // The chord-gathering loop of midiTrackToStream. Returns voicesRequired.
  bool addNotes(const std::vector<TimedNote>& notes) {
    // Notes must start strictly within, and end within, a quantisation unit.
    const double tolerance = static_cast<double>(ticksPerQuarter_) / 4.0;
    bool voicesRequired = false;
    std::vector<bool> gathered(notes.size(), false);
    for (std::size_t i = 0; i < notes.size(); ++i) {
      if (gathered[i]) continue;
      std::vector<std::size_t> chord;
      for (std::size_t j = i + 1; j < notes.size(); ++j) {
        if (!(static_cast<double>(std::llabs(notes[j].on - notes[i].on)) < tolerance)) break;
        if (j - i > kMaxNotesStartingTogether)  // the search is quadratic in them
          throw std::runtime_error("more than " + std::to_string(kMaxNotesStartingTogether) +
                                   " notes start within a sixteenth of tick " + std::to_string(notes[i].on));
        if (static_cast<double>(std::llabs(notes[j].off - notes[i].off)) > tolerance) {
          voicesRequired = true;
          continue;
        }
        if (chord.empty()) chord.push_back(i);
        chord.push_back(j);  // music21 does not skip notes already in an earlier chord
        gathered[i] = gathered[j] = true;
      }
      if (chord.empty()) chord.push_back(i);
      append(noteOrChord(notes, chord), QuarterLength(notes[i].on, ticksPerQuarter_));
    }
    return voicesRequired;
  }

  // Stream.quantize(processOffsets=True, processDurations=True) over the
  // elements in insertion order, with music21's look-ahead on gaps.
  void quantize() {
    const std::span<const int> divisors(kDefaultDivisors);
    const double smallestUnit = 1.0 / 4.0;
    for (std::size_t i = 0; i < elements_.size(); ++i) {
      Element& e = elements_[i];
      const QuantizeMatch offsetMatch = bestQuantizationMatch(e.offset.toDouble(), divisors);
      e.offset = offsetMatch.exact();
      const double length = std::max(0.0, e.duration.toDouble());
      QuantizeMatch durationMatch = bestQuantizationMatch(length, divisors);
      if (i + 1 < elements_.size()) {
        const QuantizeMatch next = bestQuantizationMatch(elements_[i + 1].offset.toDouble(), divisors);
        const double gap = next.match - (e.offset.toDouble() + durationMatch.match);
        if (0 < gap && gap < smallestUnit) {
          const int nextDivisor[] = {next.divisor};
          durationMatch = bestQuantizationMatch(length, nextDivisor);
        }
      }
      if (durationMatch.multiple == 0 && e.isNotRest() && !e.grace) e.duration = QuarterLength(1, 4);
      else e.duration = durationMatch.exact();
    }
  }

  void append(Element element, QuarterLength offset) {
    element.id = counters_.id();
    element.offset = offset;
    element.seq = counters_.seq();
    elements_.push_back(std::move(element));
  }

 private:
  int addInstrument(InstrumentInfo info) {
    instruments_.push_back(std::move(info));
    return static_cast<int>(instruments_.size()) - 1;
  }

  Element noteOrChord(const std::vector<TimedNote>& notes, const std::vector<std::size_t>& members) {
    Element element;
    element.kind = members.size() > 1 ? Kind::Chord : Kind::Note;
    element.firstPitch = static_cast<std::uint32_t>(counters_.pitches.size());
    element.pitchCount = static_cast<std::uint32_t>(members.size());
    for (std::size_t index : members) {
      counters_.pitches.push_back(notes[index].pitch);
      if (notes[index].channel == kDrumChannel) element.percussion = true;
    }
    // A chord lasts as long as its last member (music21 keeps the loop's last times).
    const TimedNote& last = notes[members.back()];
    const std::int64_t length = last.off - last.on;
    element.grace = length == 0;
    element.duration = QuarterLength(length, ticksPerQuarter_);
    return element;
  }

  // instrument.deduplicate. It means to group the instruments by offset, but
  // iterating its OffsetTree of the part's instruments yields the whole part
  // once, so all the track's instruments form one group: when they agree on
  // their names (at most one part name, one instrument name), a generic
  // Instrument gives way to specific ones, and if all are of one class only
  // the first (in offset order) is kept, wherever the others are.
  void deduplicateInstruments() {
    std::vector<std::size_t> group;  // element indices in offset order, then insertion
    for (std::size_t i = 0; i < elements_.size(); ++i)
      if (elements_[i].kind == Kind::Instrument) group.push_back(i);
    std::stable_sort(group.begin(), group.end(),
                     [&](std::size_t a, std::size_t b) { return elements_[a].offset < elements_[b].offset; });
    std::vector<std::int64_t> removed;
    {
      if (group.size() < 2) return;
      std::vector<std::string> partNames;
      std::vector<std::string> instrumentNames;
      std::vector<std::string> classes;
      for (std::size_t index : group) {
        const InstrumentInfo& info = instruments_[static_cast<std::size_t>(elements_[index].instrument)];
        if (info.partName && std::find(partNames.begin(), partNames.end(), *info.partName) == partNames.end())
          partNames.push_back(*info.partName);
        if (info.instrumentName &&
            std::find(instrumentNames.begin(), instrumentNames.end(), *info.instrumentName) == instrumentNames.end())
          instrumentNames.push_back(*info.instrumentName);
        if (std::find(classes.begin(), classes.end(), info.className) == classes.end()) classes.push_back(info.className);
      }
      if (partNames.size() > 1 || instrumentNames.size() > 1) return;
      const std::optional<std::string> partName = partNames.empty() ? std::nullopt : std::optional(partNames[0]);
      const std::optional<std::string> instrumentName =
          instrumentNames.empty() ? std::nullopt : std::optional(instrumentNames[0]);
      for (std::size_t k = 0; k < group.size(); ++k) {
        Element& element = elements_[group[k]];
        InstrumentInfo& info = instruments_[static_cast<std::size_t>(element.instrument)];
        const bool drop = classes.size() == 1 ? k > 0 : info.className == "Instrument";
        if (drop) {
          removed.push_back(element.id);
        } else {
          info.partName = partName;
          info.instrumentName = instrumentName;
        }
      }
    }
    std::erase_if(elements_, [&](const Element& e) {
      return std::find(removed.begin(), removed.end(), e.id) != removed.end();
    });
  }

  int ticksPerQuarter_;
  StreamCounters& counters_;
  std::vector<Element> elements_;  // insertion order (music21's _elements)
  std::vector<InstrumentInfo> instruments_;
};

std::vector<Element> sortedCopy(const std::vector<Element>& elements) {
  std::vector<Element> out = elements;
  std::stable_sort(out.begin(), out.end(), [](const Element& a, const Element& b) {
    return std::make_tuple(a.offset, classSortOrder(a.kind), a.grace ? 0 : 1, a.seq) <
           std::make_tuple(b.offset, classSortOrder(b.kind), b.grace ? 0 : 1, b.seq);
  });
  return out;
}

// The meters that lay out measures: the conductor's (with 4/4 supplied at
// the start if it has none there), else the part's own, else 4/4.
MeterMap meterMapFor(const std::vector<Element>& conductorSorted, const std::vector<Element>& partSorted) {
  MeterMap map;
  const auto collect = [&](const std::vector<Element>& sorted) {
    for (const Element& e : sorted)
      if (e.kind == Kind::TimeSignature) map.entries.emplace_back(e.offset, e.meter);
  };
  collect(conductorSorted);
  if (map.entries.empty()) collect(partSorted);
  if (map.entries.empty() || map.entries.front().first != 0) map.entries.insert(map.entries.begin(), {0, MeterFraction{}});
  return map;
}

}  // namespace

ImportedScore importMidi(const midi::File& file) {
  ImportedScore score;
  StreamCounters& counters = score.counters;
  PartBuilder conductor(file.ticksPerQuarter, counters);
  for (const midi::Track& track : file.tracks) {
    if (!hasNoteOn(track)) {
      conductor.addMetaEvents(track);
      conductor.quantize();
      continue;
    }
    PartBuilder builder(file.ticksPerQuarter, counters);
    builder.addMetaEvents(track);
    const std::vector<TimedNote> notes = pairNotes(track);
    const bool voicesRequired = builder.addNotes(notes);
    builder.quantize();

    ImportedPart part;
    if (notes.empty()) {
      part.instruments = builder.instruments();
      part.looseElements = builder.elements();
      score.parts.push_back(std::move(part));
      continue;
    }
    const std::vector<Element> conductorSorted = sortedCopy(conductor.elements());
    for (const Element& e : conductorSorted) {
      if (e.kind == Kind::TimeSignature || e.kind == Kind::KeySignature || e.kind == Kind::Tempo) {
        Element copy = e;
        builder.append(std::move(copy), e.offset);
      }
    }
    const std::vector<Element> sorted = sortedCopy(builder.elements());
    part.stream = makeMeasures(sorted, meterMapFor(conductorSorted, sorted), counters);
    if (voicesRequired) makeVoices(part.stream, counters);
    makeTies(part.stream, /*restsOnly=*/false, counters);
    makeRests(part.stream, counters);
    part.instruments = builder.instruments();
    score.parts.push_back(std::move(part));
  }
  return score;
}

}  // namespace lofi::m21
