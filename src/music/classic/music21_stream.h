// A small model of the music21 8 streams that its MIDI import builds: a part
// of measures, each holding notes, chords, rests, zero-length markers
// (instruments, meters, keys, tempos) and, where notes overlap, voices.
// The operations are music21's makeMeasures, makeVoices, makeTies and
// makeRests, kept to the order in which music21 inserts and sorts elements,
// because that order is the order of the seed's tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "music/quarter_length.h"

namespace lofi::m21 {

enum class Kind : std::uint8_t { Note, Chord, Rest, Instrument, TimeSignature, KeySignature, Tempo, Clef, Voice };

struct MeterFraction {
  int numerator = 4;
  int denominator = 4;
  QuarterLength barDuration() const { return QuarterLength(4 * numerator, denominator); }
  bool operator==(const MeterFraction&) const = default;
};

struct Element {
  Kind kind = Kind::Note;
  QuarterLength offset;    // within its container
  QuarterLength duration;  // Voice elements use their content instead
  bool grace = false;      // a zero-length note (note-on and note-off at one tick)
  bool percussion = false; // channel 10: an Unpitched note or PercussionChord, never a token
  std::uint32_t firstPitch = 0;  // the pitches live in ImportedScore::pitches
  std::uint32_t pitchCount = 0;
  int instrument = -1;     // Kind::Instrument: index into the track's instrument list
  MeterFraction meter;             // Kind::TimeSignature
  int voice = -1;          // Kind::Voice: index into Measure::voices
  std::int64_t seq = 0;    // insertion order (music21's site index)
  std::int64_t id = 0;     // object identity

  bool isNotRest() const { return kind == Kind::Note || kind == Kind::Chord; }
  bool isGeneralNote() const { return isNotRest() || kind == Kind::Rest; }
};

// music21's classSortOrder of each kind.
int classSortOrder(Kind kind);

// Shared by every stream of one file: insertion order, identity, and the
// MIDI pitches of all notes and chords (elements are copied often; their
// pitches are not).
// A file that needs more elements than kMaxElements (long notes split over
// tens of thousands of bars, say) is refused rather than filling memory.
struct StreamCounters {
  static constexpr std::int64_t kMaxElements = 2'000'000;
  std::int64_t nextSeq = 1;
  std::int64_t nextId = 1;
  std::vector<int> pitches;
  std::int64_t seq() { return nextSeq++; }
  std::int64_t id() {
    if (nextId > kMaxElements)
      throw std::runtime_error("more than " + std::to_string(kMaxElements) + " notes, rests and markers");
    return nextId++;
  }
};

// A Voice, or the top level of a Measure, with the state music21 keeps on
// every stream: whether it believes itself sorted, and its cached length
// (Stream.highestTime, and for a voice Stream.duration, which is taken from
// it). music21 clears both when elements are inserted, removed or re-sorted,
// and when a Note's duration is replaced, but not when a Chord is split at a
// barline; the seed's tokens depend on those stale lengths (they move later
// measures), so they are modelled here.
struct Container {
  std::vector<Element> elements;  // insertion order
  bool isSorted = true;
  std::optional<QuarterLength> cachedLength;

  // Elements in music21's sort order: offset, class order, grace notes first, insertion.
  std::vector<const Element*> sorted() const;
  bool empty() const { return elements.empty(); }
};

struct Measure {
  QuarterLength offset;
  std::optional<MeterFraction> timeSignature;  // Measure.timeSignature: its own meter at offset 0
  Container top;
  std::vector<Container> voices;       // referenced by Voice elements of `top`

  bool hasVoices() const;
  // Voice indices in sort order (Measure.voices).
  std::vector<int> voiceOrder() const;
};

// A stream.Part of measures. Any change inside a measure marks the part
// unsorted; the next walk over the part sorts it, which reads (and caches)
// the length of every measure.
struct PartStream {
  std::vector<Measure> measures;
  bool isSorted = false;
};

// Time signatures by offset, as makeMeasures reads them.
struct MeterMap {
  std::vector<std::pair<QuarterLength, MeterFraction>> entries;  // sorted by offset
  const MeterFraction* atOrBefore(QuarterLength offset) const;
};

// makeMeasures: measures laid out from `meters` up to the last element's
// end, each element (in sort order) placed in the measure it starts in.
// Time signatures that fall on a barline are absorbed by the measure.
PartStream makeMeasures(const std::vector<Element>& sortedElements, const MeterMap& meters,
                        StreamCounters& counters);

// makeVoices(fillGaps=False) on every measure: overlapping notes spread over voices.
void makeVoices(PartStream& part, StreamCounters& counters);

// makeTies: notes (or only rests) that cross a barline are split, the rest
// moved to the start of the next measure; then single voices are dissolved.
void makeTies(PartStream& part, bool restsOnly, StreamCounters& counters);

// makeRests(fillGaps=True, timeRangeFromBarDuration=True): rests fill every
// silent stretch of every voice and measure; measures are then re-laid end to
// end by their (possibly stale) lengths.
void makeRests(PartStream& part, StreamCounters& counters);

// One element of Part.flatten(): its offset in the part and its sort position.
struct FlatElement {
  QuarterLength offset;
  const Element* element = nullptr;
};

// Part.flatten() in music21's order.
std::vector<FlatElement> flatten(const PartStream& part);

}  // namespace lofi::m21
