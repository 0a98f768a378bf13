#include "music/composer/motif.h"

#include <algorithm>
#include <string_view>

#include "music/composer/time_grid.h"

namespace lofi::composer {
namespace {

constexpr int kHalfBar = kStepsPerBar / 2;

// Half-bar rhythm cells, a step per character: 'x' a note starts, '-' it
// holds, '.' a rest. The first group uses only eighth-note onsets (usable
// swung); the second adds sixteenths for straight pieces.
struct Cell {
  std::string_view pattern;
  int weight;
};

constexpr Cell kEighthCells[] = {
    {"x-x-x-x-", 4}, {"x---x---", 4}, {"x-x-x---", 5}, {"x---x-x-", 5}, {"..x-x---", 5},
    {"..x-x-x-", 4}, {"x-x-..x-", 4}, {"x-----x-", 3}, {"x-..x-..", 3}, {"..x---x-", 4},
    {"x---..x-", 3}, {"....x-x-", 2}, {"x-x-----", 3}, {"x-------", 2}, {"......x-", 1},
};
constexpr Cell kSixteenthCells[] = {
    {"x-xxx---", 3}, {"xxx-x---", 2}, {"x--x--x-", 4}, {"..xxx-x-", 2},
    {"x-x-xxx-", 2}, {"x--xx-x-", 2}, {"x--x-x--", 2},
};

int notesIn(std::string_view pattern) { return static_cast<int>(std::count(pattern.begin(), pattern.end(), 'x')); }

std::string_view chooseCell(SeededRandom& random, const MotifOptions& options) {
  std::vector<std::string_view> patterns;
  std::vector<int> weights;
  const auto consider = [&](const Cell& cell) {
    const int notes = notesIn(cell.pattern);
    int weight = cell.weight * 2;
    if (options.density == 0 && notes >= 3) weight /= 2;
    if (options.density == 2 && notes <= 2) weight /= 2;
    // Space is half of a lo-fi line: cells that rest are favoured at every density.
    if (cell.pattern.find('.') != std::string_view::npos) weight += 3;
    patterns.push_back(cell.pattern);
    weights.push_back(std::max(1, weight));
  };
  for (const Cell& cell : kEighthCells) consider(cell);
  if (!options.swing)
    for (const Cell& cell : kSixteenthCells) consider(cell);
  return patterns[random.weighted(weights)];
}

void appendCell(std::vector<MotifNote>& notes, std::string_view pattern, int offset) {
  for (int i = 0; i < static_cast<int>(pattern.size()); ++i) {
    if (pattern[static_cast<std::size_t>(i)] != 'x') continue;
    int length = 1;
    while (i + length < static_cast<int>(pattern.size()) && pattern[static_cast<std::size_t>(i + length)] == '-')
      ++length;
    notes.push_back({offset + i, length, 0});
  }
}

// Scale-step intervals: mostly steps in the phrase's direction, some skips
// (arpeggio), few leaps; after a leap the line turns back by step (gap fill),
// and an arch turns round halfway.
void shapeContour(std::vector<MotifNote>& notes, SeededRandom& random) {
  int direction = random.chancePercent(55) ? -1 : 1;  // lo-fi lines lean downward a little more often
  const bool arch = random.chancePercent(40);
  bool afterLeap = false;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    if (i == 0) continue;
    if (arch && i == notes.size() / 2) direction = -direction;
    if (afterLeap) {
      notes[i].interval = -direction;
      afterLeap = false;
      continue;
    }
    // Repeat, step, step back, skip, skip back, leap; a note is repeated once at most.
    const bool repeated = i >= 2 && notes[i - 1].interval == 0;
    const int weights[] = {repeated ? 0 : 10, 42, 18, 16, 6, 8};
    switch (random.weighted(weights)) {
      case 0: notes[i].interval = 0; break;
      case 1: notes[i].interval = direction; break;
      case 2: notes[i].interval = -direction; break;
      case 3: notes[i].interval = 2 * direction; break;
      case 4: notes[i].interval = -2 * direction; break;
      default:
        notes[i].interval = (random.chancePercent(60) ? 3 : 4) * direction;
        afterLeap = true;
        direction = -direction;  // the leap's direction is spent; the line comes back
        break;
    }
  }
}

}  // namespace

Motif makeMotif(SeededRandom& random, const MotifOptions& options) {
  Motif motif;
  for (int attempt = 0; attempt < 8; ++attempt) {
    motif.notes.clear();
    const std::string_view first = chooseCell(random, options);
    // A motif that says its half-bar cell twice is the commonest shape of all.
    const std::string_view second = random.chancePercent(30) ? first : chooseCell(random, options);
    appendCell(motif.notes, first, 0);
    appendCell(motif.notes, second, kHalfBar);
    const int count = static_cast<int>(motif.notes.size());
    if (count >= 3 && count <= 8) break;
  }
  // A motif breathes: if it sounds the whole bar, its longest note lets go an
  // eighth early (a sixteenth if nothing is long enough, in straight time).
  int sounding = 0;
  for (const MotifNote& note : motif.notes) sounding += note.length;
  if (sounding >= kStepsPerBar) {
    auto longest = std::max_element(motif.notes.begin(), motif.notes.end(),
                                    [](const MotifNote& a, const MotifNote& b) { return a.length < b.length; });
    if (longest->length >= 3) longest->length -= 2;
    else if (!options.swing && longest->length == 2) longest->length = 1;
  }
  shapeContour(motif.notes, random);
  return motif;
}

Motif inverted(Motif motif) {
  for (MotifNote& note : motif.notes) note.interval = -note.interval;
  return motif;
}

Motif displaced(const Motif& motif, int steps) {
  Motif moved;
  for (const MotifNote& note : motif.notes) {
    const int onset = note.onset + steps;
    if (onset < 0 || onset >= kStepsPerBar) continue;
    const int length = std::min(note.length, kStepsPerBar - onset);
    moved.notes.push_back({onset, length, note.interval});
  }
  return moved.notes.empty() ? motif : moved;
}

Motif embellished(const Motif& motif, SeededRandom& random, const MotifOptions& options) {
  const int smallest = options.swing ? 4 : 2;  // each half must stay on the piece's grid
  std::vector<std::size_t> splittable;
  for (std::size_t i = 0; i < motif.notes.size(); ++i)
    if (motif.notes[i].length >= smallest) splittable.push_back(i);
  if (splittable.empty()) return motif;
  const std::size_t index = splittable[static_cast<std::size_t>(random.below(static_cast<int>(splittable.size())))];
  Motif result = motif;
  MotifNote& first = result.notes[index];
  const int firstLength = (first.length / 2) & ~(options.swing ? 1 : 0);
  const MotifNote second{first.onset + firstLength, first.length - firstLength, random.chancePercent(50) ? 1 : -1};
  first.length = firstLength;
  result.notes.insert(result.notes.begin() + static_cast<std::ptrdiff_t>(index) + 1, second);
  // The note after the new one keeps its pitch: take the new step back out of its interval.
  if (index + 2 < result.notes.size()) result.notes[index + 2].interval -= second.interval;
  return result;
}

Motif fragment(const Motif& motif) {
  Motif head;
  for (const MotifNote& note : motif.notes)
    if (note.onset < kHalfBar) head.notes.push_back({note.onset, std::min(note.length, kHalfBar - note.onset), note.interval});
  return head.notes.empty() ? motif : head;
}

Motif thinned(const Motif& motif, SeededRandom& random) {
  if (motif.notes.size() <= 3) return motif;
  const std::size_t index = 1 + static_cast<std::size_t>(random.below(static_cast<int>(motif.notes.size()) - 2));
  Motif result = motif;
  // The next note keeps its pitch: it inherits the removed note's interval.
  result.notes[index + 1].interval += result.notes[index].interval;
  result.notes.erase(result.notes.begin() + static_cast<std::ptrdiff_t>(index));
  return result;
}

std::string motifSignature(const Motif& motif) {
  std::string signature;
  for (const MotifNote& note : motif.notes) {
    if (!signature.empty()) signature += ' ';
    signature += std::to_string(note.onset) + ':' + std::to_string(note.length) + ':' +
                 (note.interval >= 0 ? "+" : "") + std::to_string(note.interval);
  }
  return signature;
}

}  // namespace lofi::composer
