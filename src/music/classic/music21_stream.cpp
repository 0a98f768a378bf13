#include "music/classic/music21_stream.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>

namespace lofi::m21 {
namespace {

const MeterFraction kDefaultMeter{4, 4};
constexpr int kTop = -1;  // the measure itself rather than one of its voices

// Limits no real piece reaches (50,000 bars of 4/4 is 28 hours at 120 BPM).
// Past them music21 would run for hours or exhaust memory on a malformed or
// hostile file; the file is refused instead.
constexpr std::size_t kMaxMeasures = 50'000;
constexpr int kMaxNotesAtOnce = 128;

auto sortKey(const Element& e) { return std::make_tuple(e.offset, classSortOrder(e.kind), e.grace ? 0 : 1, e.seq); }

Element makeElement(Kind kind, StreamCounters& counters) {
  Element element;
  element.kind = kind;
  element.id = counters.id();
  return element;
}

Element makeRest(QuarterLength duration, StreamCounters& counters) {
  Element rest = makeElement(Kind::Rest, counters);
  rest.duration = duration;
  return rest;
}

// The primitive stream operations of music21 on one measure of a part,
// with their effect on "sorted" flags and cached lengths. A change to a voice
// reaches its measure and the part (Stream.coreElementsChanged informs every
// stream that contains the changed one).
class MeasureOps {
 public:
  MeasureOps(Measure& measure, bool& partSorted, StreamCounters& counters)
      : m_(measure), partSorted_(partSorted), counters_(counters) {}

  Container& at(int voice) { return voice == kTop ? m_.top : m_.voices[static_cast<std::size_t>(voice)]; }

  // coreElementsChanged on a voice or the measure.
  void changed(int voice, bool clearSorted) {
    Container& c = at(voice);
    c.cachedLength.reset();
    if (clearSorted) c.isSorted = false;
    if (voice != kTop) {
      m_.top.cachedLength.reset();
      m_.top.isSorted = false;
    }
    partSorted_ = false;
  }

  // Stream.insert: stays sorted only when appended at or after the last offset.
  void insert(int voice, Element element, QuarterLength offset) {
    Container& c = at(voice);
    bool keepsSorted = c.isSorted;
    for (const Element& e : c.elements)
      if (e.offset > offset) keepsSorted = false;
    element.offset = offset;
    element.seq = counters_.seq();
    c.elements.push_back(std::move(element));
    changed(voice, true);
    at(voice).isSorted = keepsSorted;
  }

  void remove(int voice, const std::vector<std::int64_t>& ids) {
    std::erase_if(at(voice).elements, [&](const Element& e) {
      return std::find(ids.begin(), ids.end(), e.id) != ids.end();
    });
    changed(voice, false);
  }

  // Iterating an unsorted stream sorts it first; sorting a measure computes
  // each element's sort tuple, which reads (and caches) every voice's length.
  void iterate(int voice) {
    if (at(voice).isSorted) return;
    if (voice == kTop)
      for (const Element& e : m_.top.elements)
        if (e.kind == Kind::Voice) voiceLength(e.voice);
    changed(voice, false);
    at(voice).isSorted = true;
  }

  QuarterLength voiceLength(int voice) {
    Container& c = at(voice);
    if (!c.cachedLength) {
      QuarterLength highest = 0;
      for (const Element& e : c.elements) highest = max(highest, e.offset + e.duration);
      c.cachedLength = highest;
    }
    return *c.cachedLength;
  }

  QuarterLength durationOf(const Element& e) { return e.kind == Kind::Voice ? voiceLength(e.voice) : e.duration; }

  QuarterLength measureLength() {
    if (!m_.top.cachedLength) {
      QuarterLength highest = 0;
      for (const Element& e : m_.top.elements) highest = max(highest, e.offset + durationOf(e));
      m_.top.cachedLength = highest;
    }
    return *m_.top.cachedLength;
  }

  QuarterLength lowestOffset(int voice) {
    const Container& c = at(voice);
    if (c.empty()) return 0;
    QuarterLength lowest = c.elements.front().offset;
    for (const Element& e : c.elements) lowest = min(lowest, e.offset);
    return lowest;
  }

  // Measure.timeSignature and Measure.voices both iterate the measure.
  std::vector<int> voices() {
    iterate(kTop);
    return m_.voiceOrder();
  }

  // Stream.findGaps, then a rest in each gap.
  void fillGaps(int voice) {
    iterate(voice);
    std::vector<std::pair<QuarterLength, QuarterLength>> gaps;
    QuarterLength covered = 0;
    for (const Element* e : at(voice).sorted()) {
      if (e->offset > covered) gaps.emplace_back(covered, e->offset - covered);
      covered = max(covered, e->offset + durationOf(*e));
    }
    for (const auto& [offset, length] : gaps) insert(voice, makeRest(length, counters_), offset);
  }

  void addVoice(Container voice) {
    m_.voices.push_back(std::move(voice));
    Element marker = makeElement(Kind::Voice, counters_);
    marker.voice = static_cast<int>(m_.voices.size()) - 1;
    insert(kTop, std::move(marker), 0);
  }

  // stream.makeNotation.moveNotesToVoices: all notes and rests into one new voice.
  void moveNotesToVoice() {
    iterate(kTop);
    Container voice;
    std::vector<std::int64_t> moved;
    for (const Element* e : m_.top.sorted()) {
      if (!e->isGeneralNote()) continue;
      Element copy = *e;
      copy.seq = counters_.seq();
      voice.elements.push_back(std::move(copy));
      moved.push_back(e->id);
    }
    for (const std::int64_t id : moved) remove(kTop, {id});
    addVoice(std::move(voice));
  }

  // Stream.flattenUnnecessaryVoices: drop empty voices; dissolve a lone voice.
  void flattenUnnecessaryVoices() {
    std::vector<int> kept;
    for (const int index : voices()) {
      if (at(index).empty()) remove(kTop, {voiceElementId(index)});
      else kept.push_back(index);
    }
    if (kept.size() != 1) return;
    const int index = kept.front();
    for (const Element* e : at(index).sorted()) {
      Element copy = *e;
      copy.seq = counters_.seq();
      m_.top.elements.push_back(std::move(copy));
    }
    remove(kTop, {voiceElementId(index)});
    changed(kTop, true);  // coreInsert, then coreElementsChanged()
  }

 private:
  std::int64_t voiceElementId(int index) const {
    for (const Element& e : m_.top.elements)
      if (e.kind == Kind::Voice && e.voice == index) return e.id;
    return 0;
  }

  Measure& m_;
  bool& partSorted_;
  StreamCounters& counters_;
};

// A walk over the part's measures: an unsorted part is sorted first, and its
// sort tuples read every measure's length.
void walkPart(PartStream& part, StreamCounters& counters) {
  if (part.isSorted) return;
  for (Measure& measure : part.measures) MeasureOps(measure, part.isSorted, counters).measureLength();
  part.isSorted = true;
}

// A Note, Rest or Unpitched whose duration is replaced informs its streams;
// a Chord's does not (music21 8 keeps the old lengths cached).
bool splitInformsStreams(const Element& e) { return e.kind != Kind::Chord; }

// music21's voice search is cubic in the notes sounding at once; a keyboard
// has 128 keys, so more than that at once is not music but a hostile file.
void checkOverlapIsPlayable(const std::vector<const Element*>& notes, QuarterLength measureOffset) {
  std::vector<std::pair<QuarterLength, int>> changes;  // (time, +1 start / -1 end), ends first
  for (const Element* e : notes) {
    changes.emplace_back(e->offset, 1);
    changes.emplace_back(e->offset + e->duration, -1);
  }
  std::sort(changes.begin(), changes.end());
  int sounding = 0;
  for (const auto& [time, step] : changes) {
    sounding += step;
    if (sounding > kMaxNotesAtOnce)
      throw std::runtime_error("more than " + std::to_string(kMaxNotesAtOnce) + " notes sound at once in the bar at quarter note " +
                               (measureOffset + time).toString());
  }
}

// Stream._findLayering and _consolidateLayering over the notes of a measure,
// exactly as music21 groups overlaps (its quirks decide the voice count).
std::size_t largestOverlapGroup(const std::vector<const Element*>& notes) {
  const std::size_t n = notes.size();
  std::vector<std::vector<std::size_t>> overlaps(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      auto a = std::make_pair(notes[i]->offset, notes[i]->offset + notes[i]->duration);
      auto b = std::make_pair(notes[j]->offset, notes[j]->offset + notes[j]->duration);
      if (b < a) std::swap(a, b);
      if (!(b.first < a.second)) break;
      overlaps[i].push_back(j);
      overlaps[j].push_back(i);
    }
  }
  std::vector<std::pair<QuarterLength, std::vector<std::size_t>>> groups;  // an insertion-ordered dict
  const auto groupHolding = [&](std::size_t index) -> std::optional<QuarterLength> {
    for (const auto& [key, members] : groups)
      if (std::find(members.begin(), members.end(), index) != members.end()) return key;
    return std::nullopt;
  };
  const auto append = [&](QuarterLength key, std::size_t index) {
    for (auto& [k, members] : groups)
      if (k == key) {
        members.push_back(index);
        return;
      }
    groups.push_back({key, {index}});
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::sort(overlaps[i].begin(), overlaps[i].end());
    if (overlaps[i].empty()) continue;
    std::optional<QuarterLength> destination;
    for (std::size_t j : overlaps[i]) {
      const auto holder = groupHolding(j);
      if (holder) destination = holder;
      if (!destination) destination = notes[i]->offset;
      if (!holder) append(*destination, j);
    }
    if (!groupHolding(i)) append(destination ? *destination : notes[i]->offset, i);
  }
  std::size_t largest = 1;
  for (const auto& group : groups) largest = std::max(largest, group.second.size());
  return largest;
}

QuarterLength barDuration(const std::optional<MeterFraction>& meter) { return (meter ? *meter : kDefaultMeter).barDuration(); }

}  // namespace

int classSortOrder(Kind kind) {
  switch (kind) {
    case Kind::Instrument: return -25;
    case Kind::Voice: return -20;
    case Kind::Clef: return 0;
    case Kind::Tempo: return 1;
    case Kind::KeySignature: return 2;
    case Kind::TimeSignature: return 4;
    default: return 20;
  }
}

std::vector<const Element*> Container::sorted() const {
  std::vector<const Element*> out;
  out.reserve(elements.size());
  for (const Element& e : elements) out.push_back(&e);
  std::sort(out.begin(), out.end(), [](const Element* a, const Element* b) { return sortKey(*a) < sortKey(*b); });
  return out;
}

bool Measure::hasVoices() const {
  return std::any_of(top.elements.begin(), top.elements.end(), [](const Element& e) { return e.kind == Kind::Voice; });
}

std::vector<int> Measure::voiceOrder() const {
  std::vector<int> order;
  for (const Element* e : top.sorted())
    if (e->kind == Kind::Voice) order.push_back(e->voice);
  return order;
}

const MeterFraction* MeterMap::atOrBefore(QuarterLength offset) const {
  const MeterFraction* found = nullptr;
  for (const auto& [at, meter] : entries) {
    if (at > offset) break;
    found = &meter;  // the last of equal offsets, as getElementAtOrBefore
  }
  return found;
}

PartStream makeMeasures(const std::vector<Element>& sortedElements, const MeterMap& meters,
                        StreamCounters& counters) {
  QuarterLength end = 0;
  for (const Element& e : sortedElements) end = max(end, e.offset + e.duration);

  PartStream part;
  std::vector<Measure>& measures = part.measures;
  std::vector<QuarterLength> measureEnds;
  const MeterFraction* lastMeter = nullptr;
  for (QuarterLength at = 0;;) {
    const MeterFraction* meter = meters.atOrBefore(at);
    if (!meter) throw std::runtime_error("no time signature at offset " + at.toString());
    Measure measure;
    measure.offset = at;
    MeasureOps ops(measure, part.isSorted, counters);
    if (meter != lastMeter) {
      lastMeter = meter;
      measure.timeSignature = *meter;
      Element marker = makeElement(Kind::TimeSignature, counters);
      marker.meter = *meter;
      ops.insert(kTop, std::move(marker), 0);
    }
    if (measures.empty()) ops.insert(kTop, makeElement(Kind::Clef, counters), 0);
    measures.push_back(std::move(measure));
    if (measures.size() > kMaxMeasures)
      throw std::runtime_error("notes last past quarter note " + end.toString() + ", more than " +
                               std::to_string(kMaxMeasures) + " bars");
    measureEnds.push_back(at + meter->barDuration());
    at += meter->barDuration();
    if (at >= end) break;
  }

  for (const Element& e : sortedElements) {
    // The measure this element starts in: the last one starting at or before it.
    auto it = std::upper_bound(measures.begin(), measures.end(), e.offset,
                               [](QuarterLength offset, const Measure& m) { return offset < m.offset; });
    const std::size_t index = it == measures.begin() ? 0 : static_cast<std::size_t>(it - measures.begin()) - 1;
    if (it == measures.begin() || !(e.offset < measureEnds[index])) {
      if (e.duration == 0 && e.offset == end) continue;  // stored at the end: never a token
      throw std::runtime_error("cannot place an element at offset " + e.offset.toString() + " in any measure");
    }
    Measure& measure = measures[index];
    const QuarterLength inMeasure = e.offset - measure.offset;
    if (e.kind == Kind::TimeSignature && inMeasure == 0) continue;
    MeasureOps(measure, part.isSorted, counters).insert(kTop, e, inMeasure);
  }
  part.isSorted = false;  // the measures are re-inserted into an emptied part
  return part;
}

namespace {

void makeVoicesInMeasure(Measure& measure, bool& partSorted, StreamCounters& counters) {
  MeasureOps ops(measure, partSorted, counters);
  ops.iterate(kTop);
  std::vector<Element> notes;
  {
    std::vector<const Element*> pointers;
    for (const Element* e : measure.top.sorted())
      if (e->isNotRest()) pointers.push_back(e);
    checkOverlapIsPlayable(pointers, measure.offset);
    if (largestOverlapGroup(pointers) <= 1) return;
    for (const Element* e : pointers) notes.push_back(*e);
  }
  std::vector<const Element*> pointers;
  for (const Element& e : notes) pointers.push_back(&e);
  const std::size_t voiceCount = largestOverlapGroup(pointers);

  // The voices are built apart, then join the measure.
  Measure scratch;
  scratch.voices.resize(voiceCount);
  bool scratchSorted = true;
  MeasureOps voiceOps(scratch, scratchSorted, counters);
  for (const Element& e : notes) {
    // The first voice whose content ends by this onset. A note that fits in
    // none is lost, as in music21.
    for (std::size_t v = 0; v < voiceCount; ++v) {
      if (voiceOps.voiceLength(static_cast<int>(v)) <= e.offset) {
        voiceOps.insert(static_cast<int>(v), e, e.offset);
        break;
      }
    }
    ops.remove(kTop, {e.id});
  }
  for (Container& voice : scratch.voices)
    if (!voice.empty()) ops.addVoice(std::move(voice));
  ops.iterate(kTop);  // removeByClass('Rest') walks the measure
  ops.changed(kTop, false);
}

}  // namespace

void makeVoices(PartStream& part, StreamCounters& counters) {
  walkPart(part, counters);
  for (Measure& measure : part.measures) makeVoicesInMeasure(measure, part.isSorted, counters);
}

void makeTies(PartStream& part, bool restsOnly, StreamCounters& counters) {
  std::vector<Measure>& measures = part.measures;
  walkPart(part, counters);
  std::optional<MeterFraction> lastMeter;
  for (std::size_t index = 0; index < measures.size(); ++index) {
    if (measures[index].timeSignature) lastMeter = measures[index].timeSignature;
    const QuarterLength barEnd = barDuration(lastMeter);
    bool appended = false;
    if (index + 1 == measures.size()) {
      // A measure to carry what overflows the last one; its meter comes from
      // the part's own (default) meter stream, as in music21.
      Measure next;
      next.offset = measures[index].offset + barEnd;
      if (lastMeter && QuarterLength(lastMeter->numerator, lastMeter->denominator) != QuarterLength(1)) {
        next.timeSignature = kDefaultMeter;
        Element marker = makeElement(Kind::TimeSignature, counters);
        marker.meter = kDefaultMeter;
        bool unused = true;
        MeasureOps(next, unused, counters).insert(kTop, std::move(marker), 0);
      }
      measures.push_back(std::move(next));
      appended = true;
    }
    Measure& measure = measures[index];
    Measure& next = measures[index + 1];
    MeasureOps ops(measure, part.isSorted, counters);
    MeasureOps nextOps(next, part.isSorted, counters);
    const bool nextHadVoices = next.hasVoices();
    const bool hasVoices = measure.hasVoices();
    bool usedNext = false;

    const std::vector<int> bundle = hasVoices ? ops.voices() : std::vector<int>{kTop};
    for (const int voice : bundle) {
      ops.iterate(voice);
      std::vector<std::int64_t> ids;
      for (const Element* e : ops.at(voice).sorted()) ids.push_back(e->id);
      for (const std::int64_t id : ids) {
        Container& container = ops.at(voice);
        auto found = std::find_if(container.elements.begin(), container.elements.end(),
                                  [&](const Element& e) { return e.id == id; });
        Element& e = *found;
        if (restsOnly ? e.kind != Kind::Rest : !e.isGeneralNote()) continue;
        const QuarterLength overshoot = e.offset + e.duration - barEnd;
        if (overshoot <= 0 || e.offset >= barEnd) continue;
        e.duration = barEnd - e.offset;
        Element remainder = e;
        remainder.duration = overshoot;
        remainder.id = counters.id();
        if (splitInformsStreams(e)) ops.changed(voice, true);
        if (usedNext && appended) throw std::runtime_error("music21 cannot add the same overflow measure twice");
        usedNext = true;
        int destination = kTop;
        if (nextHadVoices) {
          // Voice ids never match across measures, so the remainder lands
          // beside the voices, or in the first voice when this measure has none.
          if (!hasVoices) destination = nextOps.voices().front();
        } else if (hasVoices) {
          nextOps.moveNotesToVoice();
          destination = nextOps.voices().front();
        }
        nextOps.insert(destination, std::move(remainder), 0);
      }
    }
    if (appended && !usedNext) measures.pop_back();
  }
  walkPart(part, counters);
  for (Measure& measure : measures) MeasureOps(measure, part.isSorted, counters).flattenUnnecessaryVoices();
}

void makeRests(PartStream& part, StreamCounters& counters) {
  std::vector<Measure>& measures = part.measures;
  walkPart(part, counters);  // Part.iter().parts
  walkPart(part, counters);
  for (Measure& measure : measures) MeasureOps(measure, part.isSorted, counters).iterate(kTop);  // barDuration
  walkPart(part, counters);
  std::optional<MeterFraction> lastMeter;
  for (Measure& measure : measures) {
    MeasureOps ops(measure, part.isSorted, counters);
    QuarterLength low = ops.lowestOffset(kTop);
    QuarterLength high = ops.measureLength();
    ops.iterate(kTop);  // Measure.timeSignature
    if (measure.timeSignature) lastMeter = measure.timeSignature;
    const QuarterLength bar = barDuration(lastMeter);
    for (const int voice : ops.voices()) {
      ops.iterate(voice);
      const QuarterLength voiceLow = ops.lowestOffset(voice);
      const QuarterLength voiceHigh = ops.voiceLength(voice);
      ops.iterate(voice);  // Stream.timeSignature
      if (voiceLow > 0) ops.insert(voice, makeRest(voiceLow, counters), 0);
      if (bar > voiceHigh) ops.insert(voice, makeRest(bar - voiceHigh, counters), voiceHigh);
      ops.fillGaps(voice);
    }
    low = ops.lowestOffset(kTop);
    high = ops.measureLength();
    if (low > 0) ops.insert(kTop, makeRest(low, counters), 0);
    if (bar > high) ops.insert(kTop, makeRest(bar - high, counters), high);
    ops.fillGaps(kTop);
  }
  makeTies(part, /*restsOnly=*/true, counters);
  walkPart(part, counters);
  QuarterLength at = 0;
  for (Measure& measure : measures) {
    measure.offset = at;
    at += MeasureOps(measure, part.isSorted, counters).measureLength();
  }
}

std::vector<FlatElement> flatten(const PartStream& part) {
  std::vector<FlatElement> flat;
  for (const Measure& measure : part.measures) {
    for (const Element* e : measure.top.sorted()) {
      if (e->kind != Kind::Voice) {
        flat.push_back({measure.offset + e->offset, e});
        continue;
      }
      for (const Element* inner : measure.voices[static_cast<std::size_t>(e->voice)].sorted())
        flat.push_back({measure.offset + e->offset + inner->offset, inner});
    }
  }
  std::stable_sort(flat.begin(), flat.end(), [](const FlatElement& a, const FlatElement& b) {
    return std::make_tuple(a.offset, classSortOrder(a.element->kind), a.element->grace ? 0 : 1) <
           std::make_tuple(b.offset, classSortOrder(b.element->kind), b.element->grace ? 0 : 1);
  });
  return flat;
}

}  // namespace lofi::m21
