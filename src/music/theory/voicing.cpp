#include "music/theory/voicing.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

namespace lofi::theory {
namespace {

void validate(const VoicingOptions& options) {
  const auto inMidiRange = [](int note) { return note >= 0 && note <= 127; };
  if (!inMidiRange(options.lowest) || !inMidiRange(options.highest) || options.highest - options.lowest < 12)
    throw std::invalid_argument("voicing register " + std::to_string(options.lowest) + "-" +
                                std::to_string(options.highest) + " must lie in 0-127 and span an octave or more");
  if (options.maxVoices < 2 || options.maxVoices > 8)
    throw std::invalid_argument("voicing maxVoices " + std::to_string(options.maxVoices) + " must be 2-8");
  if (options.withBass && (!inMidiRange(options.bassLowest) || !inMidiRange(options.bassHighest) ||
                           options.bassHighest - options.bassLowest < 11))
    throw std::invalid_argument("bass register " + std::to_string(options.bassLowest) + "-" +
                                std::to_string(options.bassHighest) + " must lie in 0-127 and span an octave");
}

// Rank of a tone in the voicing's priorities (lower is kept first). The
// third and seventh say what the chord is; then the root (unless rootless),
// the colour tones, and last the fifth, which the ear supplies.
int priority(const ChordTone& tone, bool rootless) {
  switch (tone.degree) {
    case 1: return rootless ? 100 : 2;
    case 2:
    case 3:
    case 4: return 0;
    case 6:
    case 7: return 1;
    case 5: return tone.semitones == 7 ? 6 : 5;
    default: break;
  }
  const bool altered = tone.semitones == 13 || tone.semitones == 15 || tone.semitones == 18 || tone.semitones == 20;
  return altered ? 3 : 4;
}

// Close stacks of `voices` notes: from each tone in turn, the next tones in
// pitch-class order stacked upwards within an octave. With one voice more
// than tones, the starting tone is doubled an octave up; `undoubled` (the
// third) is never the doubled one.
std::vector<std::vector<int>> closeStacks(const std::vector<int>& tones, int root, std::size_t voices, int undoubled) {
  std::vector<int> sorted = tones;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::vector<int>> stacks;
  for (std::size_t first = 0; first < sorted.size(); ++first) {
    if (voices > sorted.size() && sorted[first] == undoubled) continue;
    std::vector<int> stack;
    for (std::size_t i = 0; i < voices; ++i) {
      const int pitch = pitchClassOf(root + sorted[(first + i) % sorted.size()]);
      stack.push_back(stack.empty() ? pitch : stack.back() + pitchClassOf(pitch - stack.back() - 1) + 1);
    }
    stacks.push_back(stack);
  }
  return stacks;
}

std::vector<int> dropSecondFromTop(std::vector<int> stack) {
  stack[stack.size() - 2] -= 12;
  std::sort(stack.begin(), stack.end());
  return stack;
}

// Every voicing of the chord's upper tones that fits the register.
std::vector<std::vector<int>> upperCandidates(const ChordSymbol& chord, const VoicingOptions& options) {
  const std::vector<int> tones = voicingTones(chord, options.style, options.maxVoices);
  bool drop = options.style == VoicingStyle::Drop2;
  // Drop-2 needs four voices: a triad doubles its root or fifth.
  std::size_t voices = tones.size();
  if (drop && voices == 3 && options.maxVoices >= 4) voices = 4;
  if (voices < 4) drop = false;
  std::vector<std::vector<int>> shapes;
  for (const auto& stack : closeStacks(tones, rootPitchClass(chord), voices, tones.front()))
    shapes.push_back(drop ? dropSecondFromTop(stack) : stack);

  std::vector<std::vector<int>> fitting;
  std::vector<std::vector<int>> lowestPlacements;  // used if nothing fits the register
  for (const auto& shape : shapes) {
    const int span = shape.back() - shape.front();
    // Octave shifts that put the lowest note at or above the floor.
    int shift = ((options.lowest - shape.front()) / 12) * 12;
    while (shape.front() + shift < options.lowest) shift += 12;
    while (shape.front() + shift - 12 >= options.lowest) shift -= 12;
    std::vector<int> placed = shape;
    for (int& note : placed) note += shift;
    lowestPlacements.push_back(placed);
    for (; shape.front() + shift + span <= options.highest; shift += 12) {
      std::vector<int> candidate = shape;
      for (int& note : candidate) note += shift;
      fitting.push_back(candidate);
    }
  }
  return fitting.empty() ? lowestPlacements : fitting;
}

// Adds the bass: in its own register, or (a slash chord without one) just below the voicing.
std::vector<int> withBassNote(std::vector<int> voicing, const ChordSymbol& chord, const VoicingOptions& options) {
  const int bass = bassPitchClass(chord);
  if (options.withBass) {
    voicing.insert(voicing.begin(), options.bassLowest + pitchClassOf(bass - options.bassLowest));
  } else if (chord.bass) {
    int note = voicing.front() - 1;
    while (pitchClassOf(note) != bass) --note;
    if (note >= 0) voicing.insert(voicing.begin(), note);
  }
  return voicing;
}

double distanceFromMiddle(const std::vector<int>& voicing, const VoicingOptions& options) {
  double sum = 0.0;
  for (int note : voicing) sum += note;
  return std::abs(sum / static_cast<double>(voicing.size()) - (options.lowest + options.highest) / 2.0);
}

// The best candidate by (movement from `previous`, distance from the middle, lowest note).
std::vector<int> bestVoicing(const ChordSymbol& chord, std::optional<std::span<const int>> previous,
                             const VoicingOptions& options) {
  validate(options);
  std::vector<int> best;
  int bestMovement = std::numeric_limits<int>::max();
  double bestDistance = std::numeric_limits<double>::max();
  for (const auto& upper : upperCandidates(chord, options)) {
    const std::vector<int> candidate = withBassNote(upper, chord, options);
    const int movement = previous && !previous->empty() ? voiceMovement(*previous, candidate) : 0;
    const double distance = distanceFromMiddle(upper, options);
    const bool better = movement < bestMovement || (movement == bestMovement && distance < bestDistance) ||
                        (movement == bestMovement && distance == bestDistance && candidate < best);
    if (better) {
      best = candidate;
      bestMovement = movement;
      bestDistance = distance;
    }
  }
  return best;
}

}  // namespace

std::vector<int> voicingTones(const ChordSymbol& chord, VoicingStyle style, int maxVoices) {
  const bool rootless = style == VoicingStyle::Rootless;
  std::vector<ChordTone> tones = chordTones(chord);
  if (rootless) {
    const bool hasNinth = std::any_of(tones.begin(), tones.end(), [](const ChordTone& t) { return t.degree == 9; });
    // The 9 takes the root's place, unless a sus2 already sounds it.
    if (!hasNinth && chord.triad != Triad::Sus2) tones.push_back({9, 14});
    std::erase_if(tones, [](const ChordTone& t) { return t.degree == 1; });
  }
  // Stable: among tones of one rank, the higher extension first (13 before 9).
  std::stable_sort(tones.begin(), tones.end(), [&](const ChordTone& a, const ChordTone& b) {
    const int rankA = priority(a, rootless);
    const int rankB = priority(b, rootless);
    if (rankA != rankB) return rankA < rankB;
    return a.semitones > b.semitones;
  });
  std::vector<int> kept;
  for (const ChordTone& tone : tones) {
    const int pitch = pitchClassOf(tone.semitones);
    if (static_cast<int>(kept.size()) >= maxVoices) break;
    if (std::find(kept.begin(), kept.end(), pitch) == kept.end()) kept.push_back(pitch);
  }
  return kept;
}

std::vector<int> voiceChord(const ChordSymbol& chord, const VoicingOptions& options) {
  return bestVoicing(chord, std::nullopt, options);
}

std::vector<int> voiceLead(const ChordSymbol& next, std::span<const int> previous, const VoicingOptions& options) {
  return bestVoicing(next, previous, options);
}

std::vector<std::vector<int>> voiceProgression(std::span<const ChordSymbol> chords, const VoicingOptions& options) {
  std::vector<std::vector<int>> voicings;
  for (const ChordSymbol& chord : chords) {
    if (voicings.empty()) voicings.push_back(voiceChord(chord, options));
    else voicings.push_back(voiceLead(chord, voicings.back(), options));
  }
  return voicings;
}

int voiceMovement(std::span<const int> from, std::span<const int> to) {
  std::vector<int> a(from.begin(), from.end());
  std::vector<int> b(to.begin(), to.end());
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a.empty() || b.empty()) return 0;
  if (a.size() == b.size()) {
    int total = 0;
    for (std::size_t i = 0; i < a.size(); ++i) total += std::abs(a[i] - b[i]);
    return total;
  }
  // Cheapest order-keeping pairing that covers every voice of both (dynamic time warping).
  const std::size_t rows = a.size();
  const std::size_t columns = b.size();
  constexpr int kInfinity = std::numeric_limits<int>::max() / 2;
  std::vector<int> cost((rows + 1) * (columns + 1), kInfinity);
  const auto at = [&](std::size_t i, std::size_t j) -> int& { return cost[i * (columns + 1) + j]; };
  at(0, 0) = 0;
  for (std::size_t i = 1; i <= rows; ++i)
    for (std::size_t j = 1; j <= columns; ++j)
      at(i, j) = std::abs(a[i - 1] - b[j - 1]) + std::min({at(i - 1, j - 1), at(i - 1, j), at(i, j - 1)});
  return at(rows, columns);
}

}  // namespace lofi::theory
