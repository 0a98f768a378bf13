#include "music/timed/timed_chords.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "music/theory/chord_naming.h"
#include "music/theory/symbol_error.h"

namespace lofi::timed {
namespace {

namespace theory = lofi::theory;

// How much better a new name must score to replace the chord sounding.
constexpr double kStickiness = 0.1;
constexpr int kBassMinimumUnits = 3;  // a sixteenth

std::string_view withoutChordPrefix(std::string_view text) {
  if (text.size() < 6) return text;
  std::string head;
  for (char c : text.substr(0, 5)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head != "chord") return text;
  text.remove_prefix(5);
  while (!text.empty() && (text.front() == ':' || text.front() == ' ')) text.remove_prefix(1);
  return text;
}

const theory::NamingOptions& namingOptions() {
  static const theory::NamingOptions options = [] {
    theory::NamingOptions named;
    named.vocabulary = theory::ChordVocabulary::Sevenths;
    named.slashBass = false;
    return named;
  }();
  return options;
}

struct Window {
  std::int64_t start;
  std::int64_t end;
};

std::vector<Window> harmonyWindows(const TimedPiece& piece) {
  std::vector<Window> windows;
  const auto starts = barStarts(piece);
  for (std::size_t i = 0; i < piece.bars.size(); ++i) {
    const Meter meter = piece.bars[i].meter;
    const int length = meter.barUnits();
    const bool halves = meter.numerator % 2 == 0 && length >= 4 * kUnitsPerQuarter;
    if (halves) {
      windows.push_back({starts[i], starts[i] + length / 2});
      windows.push_back({starts[i] + length / 2, starts[i] + length});
    } else {
      windows.push_back({starts[i], starts[i] + length});
    }
  }
  return windows;
}

struct Sounding {
  theory::PitchClassWeights weights{};
  std::optional<int> bass;
};

Sounding soundingIn(const std::vector<TimedNote>& notes, Window window) {
  Sounding sounding;
  int lowest = 128;
  // Notes are sorted by onset and none lasts longer than kMaxBarUnits.
  auto it = std::lower_bound(notes.begin(), notes.end(), window.start - kMaxBarUnits,
                             [](const TimedNote& note, std::int64_t unit) { return note.onsetUnit < unit; });
  for (; it != notes.end() && it->onsetUnit < window.end; ++it) {
    const std::int64_t overlap =
        std::min(it->onsetUnit + it->durationUnits, window.end) - std::max(it->onsetUnit, window.start);
    if (overlap <= 0) continue;
    sounding.weights[static_cast<std::size_t>(it->pitch % 12)] += static_cast<double>(overlap);
    if (overlap >= kBassMinimumUnits && it->pitch < lowest) lowest = it->pitch;
  }
  if (lowest < 128) sounding.bass = lowest % 12;
  return sounding;
}

int soundingClasses(const theory::PitchClassWeights& weights, double presentShare) {
  const double heaviest = *std::max_element(weights.begin(), weights.end());
  return static_cast<int>(std::count_if(weights.begin(), weights.end(), [&](double weight) {
    return weight > 0.0 && weight >= presentShare * heaviest;
  }));
}

// Whether every sounding pitch class is one of `classes`.
bool allWithin(const theory::PitchClassWeights& weights, double presentShare, const std::vector<int>& classes) {
  const double heaviest = *std::max_element(weights.begin(), weights.end());
  for (int pitch = 0; pitch < 12; ++pitch) {
    const double weight = weights[static_cast<std::size_t>(pitch)];
    const bool sounds = weight > 0.0 && weight >= presentShare * heaviest;
    if (sounds && std::find(classes.begin(), classes.end(), pitch) == classes.end()) return false;
  }
  return true;
}

// The score of the chord named `symbol` among ranked candidates, if there.
std::optional<double> scoreOf(const std::vector<theory::ChordCandidate>& ranked, const std::string& symbol) {
  for (const auto& candidate : ranked)
    if (theory::toString(candidate.chord) == symbol) return candidate.score;
  return std::nullopt;
}

std::string_view trimmed(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string chordLabelSymbol(const std::string& text) {
  const std::string_view symbol = withoutChordPrefix(trimmed(text));
  if (symbol.empty()) return "";
  if (theory::isNoChord(symbol)) return kNoChord;
  try {
    return theory::toString(theory::respelled(theory::parseChordSymbol(symbol)));
  } catch (const theory::SymbolError&) {
    return "";
  }
}

double chordFit(const TimedPiece& piece) {
  std::vector<std::vector<int>> classes;  // of each chord, or empty for no chord
  for (const TimedChord& chord : piece.chords)
    classes.push_back(chord.symbol == kNoChord ? std::vector<int>{}
                                               : theory::pitchClasses(theory::parseChordSymbol(chord.symbol)));
  double fitting = 0.0;
  double counted = 0.0;
  std::size_t sounding = 0;  // index of the chord after the one sounding
  for (const TimedNote& note : piece.notes) {
    while (sounding < piece.chords.size() && piece.chords[sounding].unit <= note.onsetUnit) ++sounding;
    if (sounding == 0 || classes[sounding - 1].empty()) continue;
    const auto& tones = classes[sounding - 1];
    counted += note.durationUnits;
    if (std::find(tones.begin(), tones.end(), note.pitch % 12) != tones.end()) fitting += note.durationUnits;
  }
  return counted > 0.0 ? fitting / counted : 1.0;
}

std::vector<TimedChord> detectChords(const TimedPiece& piece) {
  std::vector<TimedChord> chords;
  const auto& options = namingOptions();
  std::string current;
  std::vector<int> currentClasses;
  for (const Window window : harmonyWindows(piece)) {
    const Sounding sounding = soundingIn(piece.notes, window);
    if (soundingClasses(sounding.weights, options.presentShare) < 2) continue;
    if (!current.empty() && allWithin(sounding.weights, options.presentShare, currentClasses)) continue;
    const auto ranked = theory::rankChords(sounding.weights, sounding.bass, 1000, options);
    if (ranked.empty() || ranked.front().score < options.minimumScore) continue;
    const std::string name = theory::toString(ranked.front().chord);
    if (name == current) continue;
    const auto currentScore = current.empty() ? std::nullopt : scoreOf(ranked, current);
    if (currentScore && ranked.front().score - *currentScore < kStickiness) continue;
    chords.push_back({window.start, name});
    current = name;
    currentClasses = theory::pitchClasses(ranked.front().chord);
  }
  return chords;
}

}  // namespace lofi::timed
