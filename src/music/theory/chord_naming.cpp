#include "music/theory/chord_naming.h"

#include <algorithm>
#include <string>

namespace lofi::theory {
namespace {

// What a missing tone costs: the third defines the chord, a perfect fifth
// is often left out, every other tone was asked for by the quality.
double missingCost(const ChordTone& tone) {
  if (tone.degree == 2 || tone.degree == 3 || tone.degree == 4) return 0.35;
  if (tone.degree == 5 && tone.semitones == 7) return 0.1;
  return 0.3;
}

constexpr double kCostPerExtraTone = 0.02;  // beyond a triad
constexpr double kRootInBass = 0.1;
constexpr double kBassOutsideChord = -0.1;

struct Template {
  ChordSymbol chord;  // rooted on C
  ChordVocabulary level;
  std::vector<std::pair<int, double>> tones;  // pitch class above the root, cost if missing (root excluded)
  int mask = 0;                                // pitch classes above the root, root included
  int toneCount = 0;
};

Template makeTemplate(const char* symbol, ChordVocabulary level) {
  Template entry{parseChordSymbol(symbol), level, {}, 0, 0};
  for (const ChordTone& tone : chordTones(entry.chord)) {
    const int pitch = pitchClassOf(tone.semitones);
    if (entry.mask & (1 << pitch)) continue;
    entry.mask |= 1 << pitch;
    ++entry.toneCount;
    if (tone.degree != 1) entry.tones.push_back({pitch, missingCost(tone)});
  }
  return entry;
}

const std::vector<Template>& templates() {
  using V = ChordVocabulary;
  static const std::vector<Template> all = [] {
    std::vector<Template> list;
    for (const char* symbol : {"C", "Cm", "Cdim", "Caug", "Csus4", "Csus2", "C5"})
      list.push_back(makeTemplate(symbol, V::Triads));
    // Sevenths before sixths: with neither root in the bass, A C E G is Am7 rather than C6.
    for (const char* symbol : {"C7", "Cmaj7", "Cm7", "Cm7b5", "Cdim7", "CmMaj7", "C7sus4", "C6", "Cm6"})
      list.push_back(makeTemplate(symbol, V::Sevenths));
    for (const char* symbol : {"Cadd9", "Cmadd9", "C6/9", "C9", "Cmaj9", "Cm9", "Cm11", "C13", "C7b9", "C7#9",
                               "Cmaj7#11", "C9sus4"})
      list.push_back(makeTemplate(symbol, V::Extended));
    return list;
  }();
  return all;
}

double scoreOf(const Template& entry, int root, const PitchClassWeights& shares, const std::array<bool, 12>& present,
               std::optional<int> bass) {
  double covered = 0.0;
  for (int pitch = 0; pitch < 12; ++pitch)
    if (entry.mask & (1 << pitchClassOf(pitch - root))) covered += shares[static_cast<std::size_t>(pitch)];
  double score = covered - (1.0 - covered);
  for (const auto& [interval, cost] : entry.tones)
    if (!present[static_cast<std::size_t>(pitchClassOf(root + interval))]) score -= cost;
  score -= kCostPerExtraTone * std::max(0, entry.toneCount - 3);
  if (bass) {
    if (*bass == root) score += kRootInBass;
    else if (!(entry.mask & (1 << pitchClassOf(*bass - root)))) score += kBassOutsideChord;
  }
  return score;
}

// A bass that is a chord tone is spelled as that tone (F#m/C#, not F#m/Db).
NoteName bassName(const ChordSymbol& chord, int bass, Spelling spelling) {
  for (const ChordTone& tone : chordTones(chord))
    if (pitchClassOf(rootPitchClass(chord) + tone.semitones) == bass)
      return transpose(chord.root, (tone.degree - 1) % 7, tone.semitones);
  return spell(bass, spelling);
}

ChordSymbol named(const Template& entry, int root, std::optional<int> bass, const NamingOptions& options) {
  ChordSymbol chord = transposed(entry.chord, root, options.spelling);
  if (options.slashBass && bass && *bass != root) chord.bass = bassName(chord, *bass, options.spelling);
  return chord;
}

}  // namespace

std::vector<ChordCandidate> rankChords(const PitchClassWeights& weights, std::optional<int> bassPitchClass,
                                       std::size_t count, const NamingOptions& options) {
  double total = 0.0;
  double heaviest = 0.0;
  for (double weight : weights) {
    total += std::max(0.0, weight);
    heaviest = std::max(heaviest, weight);
  }
  if (total <= 0.0) return {};
  PitchClassWeights shares{};
  std::array<bool, 12> present{};
  for (std::size_t pitch = 0; pitch < 12; ++pitch) {
    shares[pitch] = std::max(0.0, weights[pitch]) / total;
    present[pitch] = weights[pitch] > 0.0 && weights[pitch] >= options.presentShare * heaviest;
  }
  if (bassPitchClass) bassPitchClass = pitchClassOf(*bassPitchClass);

  struct Scored {
    double score;
    int toneCount;
    std::size_t templateIndex;
    int root;
  };
  std::vector<Scored> scored;
  const auto& all = templates();
  for (int root = 0; root < 12; ++root) {
    if (!present[static_cast<std::size_t>(root)]) continue;  // a chord is named only from a sounding root
    for (std::size_t index = 0; index < all.size(); ++index) {
      if (all[index].level > options.vocabulary) continue;
      scored.push_back({scoreOf(all[index], root, shares, present, bassPitchClass), all[index].toneCount, index, root});
    }
  }
  // Best score first; on a tie the smaller chord, then the earlier template, then the lower root.
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.toneCount != b.toneCount) return a.toneCount < b.toneCount;
    if (a.templateIndex != b.templateIndex) return a.templateIndex < b.templateIndex;
    return a.root < b.root;
  });
  std::vector<ChordCandidate> ranked;
  for (std::size_t i = 0; i < scored.size() && ranked.size() < count; ++i)
    ranked.push_back({named(all[scored[i].templateIndex], scored[i].root, bassPitchClass, options), scored[i].score});
  return ranked;
}

std::optional<ChordSymbol> nameChord(const PitchClassWeights& weights, std::optional<int> bassPitchClass,
                                     const NamingOptions& options) {
  int sounding = 0;
  double heaviest = 0.0;
  for (double weight : weights) heaviest = std::max(heaviest, weight);
  for (double weight : weights)
    if (weight > 0.0 && weight >= options.presentShare * heaviest) ++sounding;
  if (sounding < 2) return std::nullopt;
  const auto ranked = rankChords(weights, bassPitchClass, 1, options);
  if (ranked.empty() || ranked.front().score < options.minimumScore) return std::nullopt;
  return ranked.front().chord;
}

std::optional<ChordSymbol> nameChord(std::span<const int> midiNotes, const NamingOptions& options) {
  if (midiNotes.empty()) return std::nullopt;
  PitchClassWeights weights{};
  for (int note : midiNotes) weights[static_cast<std::size_t>(pitchClassOf(note))] = 1.0;
  const int lowest = *std::min_element(midiNotes.begin(), midiNotes.end());
  return nameChord(weights, pitchClassOf(lowest), options);
}

}  // namespace lofi::theory
