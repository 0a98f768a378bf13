#include "music/stats/music_stats.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace lofi {
namespace {

struct Interval {
  std::int64_t start;  // steps
  std::int64_t end;    // steps, exclusive, > start
};

std::int64_t toSteps(std::int64_t tick, int ticksPerQuarter) {
  return static_cast<std::int64_t>(std::llround(static_cast<double>(tick) * kStatsStepsPerQuarter / ticksPerQuarter));
}

Interval stepsOf(const Note& note, int ticksPerQuarter) {
  const std::int64_t start = toSteps(note.startTick, ticksPerQuarter);
  return {start, std::max(start + 1, toSteps(note.endTick, ticksPerQuarter))};
}

// Union of intervals, sorted and non-overlapping.
std::vector<Interval> mergeIntervals(std::vector<Interval> intervals) {
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> merged;
  for (const Interval& interval : intervals) {
    if (!merged.empty() && interval.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, interval.end);
    } else {
      merged.push_back(interval);
    }
  }
  return merged;
}

std::int64_t totalLength(const std::vector<Interval>& merged) {
  std::int64_t total = 0;
  for (const Interval& interval : merged) total += interval.end - interval.start;
  return total;
}

std::vector<const Note*> pitchedNotes(const Score& score) {
  std::vector<const Note*> notes;
  for (const Part& part : score.parts)
    if (!part.isDrum)
      for (const Note& note : part.notes) notes.push_back(&note);
  return notes;
}

TimeSignature firstMeter(const Score& score) {
  return score.timeSignatures.empty() ? TimeSignature{} : score.timeSignatures.front();
}

std::int64_t barSteps(const TimeSignature& meter) {
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(meter.numerator) * 4 * kStatsStepsPerQuarter /
                                       std::max(1, meter.denominator));
}

double scaleConsistency(const std::array<int, 12>& histogram, int noteCount) {
  static constexpr std::array<int, 7> kMajor = {0, 2, 4, 5, 7, 9, 11};
  static constexpr std::array<int, 7> kMinor = {0, 2, 3, 5, 7, 8, 10};
  int best = 0;
  for (const auto* scale : {&kMajor, &kMinor}) {
    for (int root = 0; root < 12; ++root) {
      int inside = 0;
      for (int degree : *scale) inside += histogram[(root + degree) % 12];
      best = std::max(best, inside);
    }
  }
  return noteCount ? static_cast<double>(best) / noteCount : 0.0;
}

double entropyBits(const std::array<int, 12>& histogram, int noteCount) {
  double entropy = 0;
  for (int count : histogram) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / noteCount;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

// Beats touched by any sounding note, counted over merged intervals.
std::int64_t soundingBeats(const std::vector<Interval>& merged) {
  std::vector<Interval> beats;
  for (const Interval& interval : merged)
    beats.push_back({interval.start / kStatsStepsPerQuarter, (interval.end - 1) / kStatsStepsPerQuarter + 1});
  return totalLength(mergeIntervals(beats));
}

double grooveConsistency(const Score& score, std::int64_t barLength, std::int64_t endStep) {
  std::map<std::int64_t, std::set<std::int64_t>> onsetsByBar;
  for (const Part& part : score.parts)
    for (const Note& note : part.notes) {
      const std::int64_t step = toSteps(note.startTick, score.ticksPerQuarter);
      onsetsByBar[step / barLength].insert(step % barLength);
    }
  // The bars the piece spans. (MusPy counts endStep / barLength + 1, which adds
  // a phantom empty bar whenever the music ends exactly on a barline.)
  const std::int64_t bars = (endStep + barLength - 1) / barLength;
  if (bars < 2) return 1.0;
  // Only bars with onsets, and their neighbours, contribute non-zero distances.
  std::int64_t distance = 0;
  const std::set<std::int64_t> none;
  for (const auto& [bar, onsets] : onsetsByBar) {
    for (const std::int64_t neighbour : {bar - 1, bar + 1}) {
      if (neighbour < 0 || neighbour >= bars) continue;
      auto it = onsetsByBar.find(neighbour);
      const std::set<std::int64_t>& other = it == onsetsByBar.end() ? none : it->second;
      std::vector<std::int64_t> difference;
      std::set_symmetric_difference(onsets.begin(), onsets.end(), other.begin(), other.end(),
                                    std::back_inserter(difference));
      // Each pair of two bars that both hold onsets is visited twice; a bar
      // next to an empty one once.
      distance += static_cast<std::int64_t>(difference.size()) * (it == onsetsByBar.end() ? 2 : 1);
    }
  }
  return 1.0 - static_cast<double>(distance) / 2.0 / static_cast<double>(barLength * (bars - 1));
}

bool isStrongBeat(std::int64_t step, const TimeSignature& meter) {
  const std::int64_t bar = barSteps(meter);
  const std::int64_t position = step % bar;
  if (position == 0) return true;
  return meter.numerator % 2 == 0 && meter.numerator >= 4 && position == bar / 2;
}

bool looksLikeMelodyName(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* word : {"melody", "lead", "solo"})
    if (name.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

std::vector<Note> melodyLine(const Score& score) {
  for (const Part& part : score.parts)
    if (!part.isDrum && looksLikeMelodyName(part.name) && !part.notes.empty()) return part.notes;
  std::map<std::int64_t, Note> highestByOnset;
  for (const Note* note : pitchedNotes(score)) {
    auto [it, inserted] = highestByOnset.emplace(note->startTick, *note);
    if (!inserted && note->pitch > it->second.pitch) it->second = *note;
  }
  std::vector<Note> line;
  for (const auto& [onset, note] : highestByOnset) line.push_back(note);
  return line;
}

MusicStats computeStats(const Score& score, const std::vector<SoundingChord>& chords) {
  MusicStats stats;
  const std::vector<const Note*> notes = pitchedNotes(score);
  stats.noteCount = static_cast<int>(notes.size());
  if (notes.empty()) return stats;

  std::array<int, 12> histogram{};
  int lowest = 127, highest = 0;
  std::vector<Interval> all;
  std::map<int, std::vector<Interval>> byPitch;
  for (const Note* note : notes) {
    histogram[((note->pitch % 12) + 12) % 12] += 1;
    lowest = std::min(lowest, note->pitch);
    highest = std::max(highest, note->pitch);
    const Interval steps = stepsOf(*note, score.ticksPerQuarter);
    all.push_back(steps);
    byPitch[note->pitch].push_back(steps);
  }
  stats.pitchRange = highest - lowest;
  stats.pitchClassesUsed = static_cast<int>(std::count_if(histogram.begin(), histogram.end(), [](int c) { return c > 0; }));
  stats.pitchClassEntropy = entropyBits(histogram, stats.noteCount);
  stats.scaleConsistency = scaleConsistency(histogram, stats.noteCount);

  const std::vector<Interval> sounding = mergeIntervals(all);
  std::int64_t pitchSteps = 0;
  for (auto& [pitch, intervals] : byPitch) pitchSteps += totalLength(mergeIntervals(intervals));
  stats.polyphony = static_cast<double>(pitchSteps) / static_cast<double>(totalLength(sounding));

  const std::int64_t endStep = sounding.back().end;
  const std::int64_t beats = (endStep + kStatsStepsPerQuarter - 1) / kStatsStepsPerQuarter;
  stats.emptyBeatRate = 1.0 - static_cast<double>(soundingBeats(sounding)) / static_cast<double>(beats);

  const TimeSignature meter = firstMeter(score);
  const std::int64_t barLength = barSteps(meter);
  stats.grooveConsistency = grooveConsistency(score, barLength, endStep);

  std::vector<Interval> soundingBars;
  for (const Interval& interval : sounding)
    soundingBars.push_back({interval.start / barLength, (interval.end - 1) / barLength + 1});
  const std::vector<Interval> barsWithSound = mergeIntervals(soundingBars);
  const std::int64_t spannedBars = barsWithSound.back().end - barsWithSound.front().start;
  stats.emptyBarsInside = static_cast<int>(spannedBars - totalLength(barsWithSound));

  const std::vector<Note> melody = melodyLine(score);
  if (melody.size() > 1) {
    double steps = 0;
    for (std::size_t i = 1; i < melody.size(); ++i) steps += std::abs(melody[i].pitch - melody[i - 1].pitch);
    stats.averageMelodicInterval = steps / static_cast<double>(melody.size() - 1);
  }
  if (!chords.empty()) {
    int onStrongBeats = 0, chordTones = 0;
    for (const Note& note : melody) {
      if (!isStrongBeat(toSteps(note.startTick, score.ticksPerQuarter), meter)) continue;
      auto chord = std::find_if(chords.begin(), chords.end(), [&](const SoundingChord& span) {
        return span.startTick <= note.startTick && note.startTick < span.endTick;
      });
      if (chord == chords.end()) continue;
      ++onStrongBeats;
      const int pitchClass = ((note.pitch % 12) + 12) % 12;
      if (std::find(chord->pitchClasses.begin(), chord->pitchClasses.end(), pitchClass) != chord->pitchClasses.end())
        ++chordTones;
    }
    if (onStrongBeats > 0) stats.chordToneRatio = static_cast<double>(chordTones) / onStrongBeats;
  }
  return stats;
}

MusicStats averageStats(const std::vector<MusicStats>& pieces) {
  MusicStats mean;
  int counted = 0, withChords = 0;
  double chordToneSum = 0;
  for (const MusicStats& piece : pieces) {
    mean.noteCount += piece.noteCount;
    if (piece.noteCount == 0) continue;
    ++counted;
    mean.pitchRange += piece.pitchRange;
    mean.pitchClassesUsed += piece.pitchClassesUsed;
    mean.pitchClassEntropy += piece.pitchClassEntropy;
    mean.scaleConsistency += piece.scaleConsistency;
    mean.polyphony += piece.polyphony;
    mean.emptyBeatRate += piece.emptyBeatRate;
    mean.grooveConsistency += piece.grooveConsistency;
    mean.emptyBarsInside += piece.emptyBarsInside;
    mean.averageMelodicInterval += piece.averageMelodicInterval;
    if (piece.chordToneRatio) {
      ++withChords;
      chordToneSum += *piece.chordToneRatio;
    }
  }
  if (counted == 0) return mean;
  mean.pitchRange /= counted;
  mean.pitchClassesUsed /= counted;
  mean.pitchClassEntropy /= counted;
  mean.scaleConsistency /= counted;
  mean.polyphony /= counted;
  mean.emptyBeatRate /= counted;
  mean.grooveConsistency /= counted;
  mean.averageMelodicInterval /= counted;
  if (withChords) mean.chordToneRatio = chordToneSum / withChords;
  return mean;
}

nlohmann::ordered_json toJson(const MusicStats& stats) {
  nlohmann::ordered_json out;
  out["notes"] = stats.noteCount;
  out["pitch_range"] = stats.pitchRange;
  out["pitch_classes_used"] = stats.pitchClassesUsed;
  out["pitch_class_entropy"] = stats.pitchClassEntropy;
  out["scale_consistency"] = stats.scaleConsistency;
  out["polyphony"] = stats.polyphony;
  out["empty_beat_rate"] = stats.emptyBeatRate;
  out["groove_consistency"] = stats.grooveConsistency;
  out["empty_bars_inside"] = stats.emptyBarsInside;
  out["chord_tone_ratio"] = stats.chordToneRatio ? nlohmann::ordered_json(*stats.chordToneRatio) : nullptr;
  out["average_melodic_interval"] = stats.averageMelodicInterval;
  return out;
}

}  // namespace lofi
