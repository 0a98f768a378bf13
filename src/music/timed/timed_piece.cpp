#include "music/timed/timed_piece.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "music/midi_file.h"
#include "music/timed/timed_chords.h"

namespace lofi::timed {
namespace {

constexpr int kTicksPerUnit = kDecodedTicksPerQuarter / kUnitsPerQuarter;

// Ticks of the score <-> units of the grid.
struct TickScale {
  double unitsPerTick;
  double unit(std::int64_t tick) const { return static_cast<double>(tick) * unitsPerTick; }
  double tick(double unit) const { return unit / unitsPerTick; }
};

BarLayout layoutOf(const Score& score, const TickScale& scale) {
  std::vector<MeterChange> changes;
  for (const TimeSignature& meter : score.timeSignatures)
    changes.push_back({scale.unit(meter.tick), {meter.numerator, meter.denominator}});
  return BarLayout(std::move(changes));
}

std::int64_t snapToGrid(BarLayout& layout, double unit) {
  const auto [bar, position] = layout.snap(unit);
  return layout.bars()[bar].startUnit + position;
}

// One note per onset and pitch (the longest), and a note struck again while
// it still sounds ends there, as a piano key does. Sorted by onset, then pitch.
void normaliseNotes(std::vector<TimedNote>& notes) {
  std::sort(notes.begin(), notes.end(), [](const TimedNote& a, const TimedNote& b) {
    return std::tie(a.pitch, a.onsetUnit, b.durationUnits) < std::tie(b.pitch, b.onsetUnit, a.durationUnits);
  });
  notes.erase(std::unique(notes.begin(), notes.end(),
                          [](const TimedNote& a, const TimedNote& b) {
                            return a.pitch == b.pitch && a.onsetUnit == b.onsetUnit;
                          }),
              notes.end());
  for (std::size_t i = 0; i + 1 < notes.size(); ++i) {
    TimedNote& note = notes[i];
    const TimedNote& next = notes[i + 1];
    if (next.pitch == note.pitch && note.onsetUnit + note.durationUnits > next.onsetUnit)
      note.durationUnits = durationAtMost(next.onsetUnit - note.onsetUnit);
  }
  std::sort(notes.begin(), notes.end(), [](const TimedNote& a, const TimedNote& b) {
    return std::tie(a.onsetUnit, a.pitch) < std::tie(b.onsetUnit, b.pitch);
  });
}

std::vector<TimedNote> quantisedNotes(const Score& score, BarLayout& layout, const TickScale& scale) {
  std::vector<TimedNote> notes;
  for (const Part& part : score.parts) {
    if (part.isDrum) continue;  // drum notes are sounds, not pitches
    for (const Note& note : part.notes) {
      const std::int64_t onset = snapToGrid(layout, scale.unit(note.startTick));
      notes.push_back({onset, nearestDuration(scale.unit(note.durationTicks())), note.pitch});
    }
  }
  normaliseNotes(notes);
  return notes;
}

// Chord labels on the grid; at one position the last label wins, and a label
// repeating the chord before it is no change.
std::vector<TimedChord> labelledChords(const Score& score, BarLayout& layout, const TickScale& scale) {
  std::vector<TimedChord> labelled;
  for (const TextLabel& label : score.labels) {
    if (label.metaType != midi::meta::kText && label.metaType != midi::meta::kMarker) continue;
    const std::string symbol = chordLabelSymbol(label.text);
    if (symbol.empty()) continue;
    const std::int64_t unit = snapToGrid(layout, scale.unit(label.tick));
    if (!labelled.empty() && labelled.back().unit == unit) labelled.back().symbol = symbol;
    else labelled.push_back({unit, symbol});
  }
  std::vector<TimedChord> changes;
  for (const TimedChord& chord : labelled)
    if (changes.empty() || changes.back().symbol != chord.symbol) changes.push_back(chord);
  return changes;
}

// The tempo at a bar's start; a change within its first sixteenth counts as
// at the start (files often set the tempo a few ticks in).
double bpmAt(const Score& score, const TickScale& scale, std::int64_t startUnit) {
  const double limit = scale.tick(static_cast<double>(startUnit) + 3.0);
  double bpm = 120.0;
  for (const TempoChange& change : score.tempos) {
    if (static_cast<double>(change.tick) >= limit) break;
    bpm = change.bpm();
  }
  return static_cast<double>(quantiseBpm(bpm));
}

}  // namespace

std::vector<std::int64_t> barStarts(const TimedPiece& piece) {
  std::vector<std::int64_t> starts;
  std::int64_t start = 0;
  for (const TimedBar& bar : piece.bars) {
    starts.push_back(start);
    start += bar.meter.barUnits();
  }
  return starts;
}

TimedPiece timedPieceFromScore(const Score& score) {
  const TickScale scale{static_cast<double>(kUnitsPerQuarter) / std::max(1, score.ticksPerQuarter)};
  BarLayout layout = layoutOf(score, scale);
  TimedPiece piece;
  piece.notes = quantisedNotes(score, layout, scale);
  piece.chords = labelledChords(score, layout, scale);
  // Labels that do not fit the notes are not chord labels: detect instead.
  if (!piece.chords.empty() && chordFit(piece) < kMinimumLabelFit) piece.chords.clear();
  const bool labelled = !piece.chords.empty();

  std::int64_t lastUnit = -1;
  if (!piece.notes.empty()) lastUnit = piece.notes.back().onsetUnit;
  if (labelled) lastUnit = std::max(lastUnit, piece.chords.back().unit);
  if (lastUnit < 0) return piece;  // nothing to play
  const std::size_t barCount = layout.barAt(static_cast<double>(lastUnit)) + 1;
  for (std::size_t i = 0; i < barCount; ++i) {
    const Bar& bar = layout.bars()[i];
    piece.bars.push_back({bar.meter, bpmAt(score, scale, bar.startUnit)});
  }
  if (!labelled) piece.chords = detectChords(piece);
  return piece;
}

Score scoreFromTimedPiece(const TimedPiece& piece, const DecodeOptions& options) {
  Score score;
  score.ticksPerQuarter = kDecodedTicksPerQuarter;
  const auto starts = barStarts(piece);
  for (std::size_t i = 0; i < piece.bars.size(); ++i) {
    const TimedBar& bar = piece.bars[i];
    const std::int64_t tick = starts[i] * kTicksPerUnit;
    if (i == 0 || bar.meter != piece.bars[i - 1].meter)
      score.timeSignatures.push_back({tick, bar.meter.numerator, bar.meter.denominator});
    if (i == 0 || bar.bpm != piece.bars[i - 1].bpm)
      score.tempos.push_back({tick, static_cast<int>(std::lround(60'000'000.0 / bar.bpm))});
  }
  if (score.tempos.empty())
    score.tempos.push_back({0, static_cast<int>(std::lround(60'000'000.0 / std::max(1.0, options.bpm)))});

  Part part;
  part.program = options.program;
  part.channel = 0;
  for (const TimedNote& note : piece.notes) {
    part.notes.push_back({note.onsetUnit * kTicksPerUnit, (note.onsetUnit + note.durationUnits) * kTicksPerUnit,
                          note.pitch, options.velocity, 0});
  }
  if (!part.notes.empty()) score.parts.push_back(std::move(part));
  for (const TimedChord& chord : piece.chords) {
    const std::string text = chord.symbol == kNoChord ? "N.C." : chord.symbol;
    score.labels.push_back({chord.unit * kTicksPerUnit, midi::meta::kMarker, text});
  }
  return score;
}

}  // namespace lofi::timed
