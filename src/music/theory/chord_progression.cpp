#include "music/theory/chord_progression.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace lofi::theory {

std::vector<std::string> ChordProgression::symbols() const {
  std::vector<std::string> names;
  names.reserve(chords.size());
  for (const ChordSymbol& chord : chords) names.push_back(toString(chord));
  return names;
}

ChordProgression parseChordProgression(std::string_view text) {
  ChordProgression progression;
  std::string spaced(text);
  std::replace(spaced.begin(), spaced.end(), '|', ' ');
  std::istringstream words(spaced);
  for (std::string symbol; words >> symbol;) progression.chords.push_back(parseChordSymbol(symbol));
  if (progression.chords.empty()) throw std::invalid_argument("chords: no chord symbol in '" + std::string(text) + "'");
  return progression;
}

std::string toString(const ChordProgression& progression) {
  std::string joined;
  for (const std::string& symbol : progression.symbols()) {
    if (!joined.empty()) joined += ' ';
    joined += symbol;
  }
  return joined;
}

}  // namespace lofi::theory
