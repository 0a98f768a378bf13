#include "music/classic/music21_partition.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_set>

namespace lofi::m21 {
namespace {

std::vector<FlatElement> flatPart(const ImportedPart& part) {
  if (!part.stream.measures.empty()) return flatten(part.stream);
  std::vector<FlatElement> flat;
  for (const Element& e : part.looseElements) flat.push_back({e.offset, &e});
  std::stable_sort(flat.begin(), flat.end(), [](const FlatElement& a, const FlatElement& b) {
    return std::make_tuple(a.offset, classSortOrder(a.element->kind), a.element->grace ? 0 : 1, a.element->seq) <
           std::make_tuple(b.offset, classSortOrder(b.element->kind), b.element->grace ? 0 : 1, b.element->seq);
  });
  return flat;
}

bool sortsBefore(const PartitionedElement& a, const PartitionedElement& b) {
  return std::make_tuple(a.offset, classSortOrder(a.element->kind), a.element->grace ? 0 : 1) <
         std::make_tuple(b.offset, classSortOrder(b.element->kind), b.element->grace ? 0 : 1);
}

bool isTokenElement(const Element& e) { return (e.isNotRest() && !e.percussion) || e.kind == Kind::Rest; }

// getElementsByOffset(start, end, includeEndBoundary=False, mustBeginInSpan=True).
bool inInstrumentSpan(QuarterLength offset, QuarterLength duration, QuarterLength start, QuarterLength end) {
  if (offset > end || offset + duration < start) return false;
  const bool zeroLengthSearch = !(end > start);
  if (zeroLengthSearch && duration == 0) return true;
  return offset >= start && offset != end;
}

}  // namespace

std::vector<PartitionedElement> seedElements(const ImportedScore& score) {
  std::vector<std::vector<FlatElement>> flats;
  for (const ImportedPart& part : score.parts) flats.push_back(flatPart(part));

  // The first instrument name met, part by part, is the first partition part.
  std::optional<std::optional<std::string>> firstName;
  for (std::size_t p = 0; p < flats.size() && !firstName; ++p)
    for (const FlatElement& fe : flats[p])
      if (fe.element->kind == Kind::Instrument) {
        firstName = score.parts[p].instruments[static_cast<std::size_t>(fe.element->instrument)].instrumentName;
        break;
      }
  // With no instrument at all, partitionByInstrument returns its score of
  // flattened parts, which is not empty: the seed reads the first part, rests included.
  if (!firstName) {
    std::vector<PartitionedElement> first;
    if (flats.empty()) return first;
    for (const FlatElement& fe : flats[0])
      if (isTokenElement(*fe.element)) first.push_back({fe.offset, fe.element});
    return first;
  }

  std::vector<PartitionedElement> gathered;
  std::unordered_set<std::int64_t> seen;  // an element enters a stream once
  for (std::size_t p = 0; p < flats.size(); ++p) {
    const std::vector<FlatElement>& flat = flats[p];
    QuarterLength highestTime = 0;
    std::vector<std::size_t> instrumentPositions;
    for (std::size_t i = 0; i < flat.size(); ++i) {
      highestTime = max(highestTime, flat[i].offset + flat[i].element->duration);
      if (flat[i].element->kind == Kind::Instrument) instrumentPositions.push_back(i);
    }
    for (std::size_t k = 0; k < instrumentPositions.size(); ++k) {
      const Element& instrument = *flat[instrumentPositions[k]].element;
      if (score.parts[p].instruments[static_cast<std::size_t>(instrument.instrument)].instrumentName != *firstName)
        continue;
      // Stream.extendDuration: an instrument lasts until the next one, the last to the end.
      const QuarterLength start = flat[instrumentPositions[k]].offset;
      const QuarterLength end = k + 1 < instrumentPositions.size() ? flat[instrumentPositions[k + 1]].offset : highestTime;
      auto from = std::lower_bound(flat.begin(), flat.end(), start,
                                   [](const FlatElement& fe, QuarterLength at) { return fe.offset < at; });
      for (auto it = from; it != flat.end() && it->offset <= end; ++it) {
        const Element& e = *it->element;
        if (e.kind == Kind::Instrument || !inInstrumentSpan(it->offset, e.duration, start, end)) continue;
        if (seen.insert(e.id).second) gathered.push_back({it->offset, &e});
      }
    }
  }
  std::stable_sort(gathered.begin(), gathered.end(), sortsBefore);
  std::erase_if(gathered, [](const PartitionedElement& pe) { return !isTokenElement(*pe.element); });
  return gathered;
}

}  // namespace lofi::m21
