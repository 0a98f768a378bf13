#include "music/theory/roman_numeral.h"

#include <array>
#include <cctype>

#include "music/theory/symbol_reader.h"

namespace lofi::theory {
namespace {

constexpr std::array<int, 7> kMajorScale = {0, 2, 4, 5, 7, 9, 11};
constexpr const char* kNotANumeral = " is not a roman numeral (I-VII or i-vii)";
constexpr std::array<const char*, 7> kNumerals = {"I", "II", "III", "IV", "V", "VI", "VII"};

struct Numeral {
  int accidental = 0;
  int degree = 1;  // 1-7
  bool upperCase = true;
  std::size_t length = 0;  // bytes read
};

bool isNumeralLetter(char c) { return c == 'I' || c == 'V' || c == 'i' || c == 'v'; }

// Reads [b#]* then I..VII or i..vii at the start of `text`.
std::optional<Numeral> readNumeral(std::string_view text) {
  SymbolReader reader(text);
  Numeral numeral;
  while (true) {
    if (reader.acceptAny({"b", "\u266D"})) --numeral.accidental;
    else if (reader.acceptAny({"#", "\u266F"})) ++numeral.accidental;
    else break;
  }
  // Longest first, so that VII is not read as V.
  static constexpr std::array<int, 7> order = {7, 3, 6, 4, 2, 5, 1};
  for (int degree : order) {
    std::string upper = kNumerals[static_cast<std::size_t>(degree - 1)];
    std::string lower;
    for (char c : upper) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (reader.accept(upper) || reader.accept(lower)) {
      numeral.degree = degree;
      numeral.upperCase = std::isupper(static_cast<unsigned char>(reader.consumed().back())) != 0;
      numeral.length = reader.position();
      return numeral;
    }
  }
  return std::nullopt;
}

// Where an applied chord's target begins ("V7/ii": at "ii"), or npos.
std::size_t appliedTargetStart(std::string_view text) {
  for (std::size_t slash = text.find('/'); slash != std::string_view::npos; slash = text.find('/', slash + 1)) {
    std::size_t next = slash + 1;
    while (next < text.size() && (text[next] == 'b' || text[next] == '#')) ++next;
    if (next < text.size() && isNumeralLetter(text[next])) return slash + 1;
  }
  return std::string_view::npos;
}

// Whether a lower-case numeral's suffix already sets the quality (vii°7, iiø7, ii-7, iim7).
bool suffixSetsQuality(std::string_view suffix) {
  for (std::string_view marker : {"\u00B0", "o", "dim", "\u00F8", "\u00D8", "+", "aug", "-", "min", "mi"})
    if (suffix.starts_with(marker)) return true;
  return suffix.starts_with("m") && !suffix.starts_with("ma");
}

ChordSymbol parseInKey(std::string_view numeralText, const std::string& symbol, const Scale& key) {
  const auto numeral = readNumeral(numeralText);
  if (!numeral) throw SymbolError(symbol, quoted(firstCharacter(numeralText)) + kNotANumeral);
  const std::string_view suffix = numeralText.substr(numeral->length);
  if (!suffix.empty() && isNumeralLetter(suffix[0])) {
    std::size_t end = numeral->length;
    while (end < numeralText.size() && isNumeralLetter(numeralText[end])) ++end;
    throw SymbolError(symbol, quoted(numeralText.substr(0, end)) + kNotANumeral);
  }
  const auto degreeIndex = static_cast<std::size_t>(numeral->degree - 1);
  const NoteName root = transpose(key.tonic, numeral->degree - 1, kMajorScale[degreeIndex] + numeral->accidental);
  const bool addMinor = !numeral->upperCase && !suffixSetsQuality(suffix);
  const std::string chordText = toString(root) + (addMinor ? "m" : "") + std::string(suffix);
  try {
    return parseChordSymbol(chordText);
  } catch (const SymbolError& error) {
    throw SymbolError(symbol, "as the chord '" + chordText + "': " + error.reason());
  }
}

}  // namespace

ChordSymbol parseRomanNumeral(std::string_view numeral, const Scale& key) {
  const std::string symbol(numeral);
  const std::string_view text = trimmed(numeral);
  if (text.empty()) throw SymbolError(symbol, "empty roman numeral");
  const std::size_t target = appliedTargetStart(text);
  if (target == std::string_view::npos) return parseInKey(text, symbol, key);
  // V7/ii: the target's chord sets the key (minor for a minor or diminished target).
  const ChordSymbol targetChord = parseRomanNumeral(text.substr(target), key);
  const bool minorTarget = targetChord.triad == Triad::Minor || targetChord.triad == Triad::Diminished;
  const Scale targetKey{targetChord.root, minorTarget ? Mode::NaturalMinor : Mode::Major};
  return parseInKey(text.substr(0, target - 1), symbol, targetKey);
}

std::vector<ChordSymbol> parseRomanProgression(std::string_view progression, const Scale& key) {
  std::vector<ChordSymbol> chords;
  std::size_t start = 0;
  const auto isSeparator = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == '|'; };
  while (start < progression.size()) {
    while (start < progression.size() && isSeparator(progression[start])) ++start;
    std::size_t end = start;
    while (end < progression.size() && !isSeparator(progression[end])) ++end;
    if (end == start) break;
    const std::string_view numeral = progression.substr(start, end - start);
    try {
      chords.push_back(parseRomanNumeral(numeral, key));
    } catch (const SymbolError& error) {
      throw SymbolError(std::string(progression),
                        "chord " + std::to_string(chords.size() + 1) + " " + error.what());
    }
    start = end;
  }
  if (chords.empty()) throw SymbolError(std::string(progression), "no roman numeral in the progression");
  return chords;
}

std::string romanNumeral(const ChordSymbol& chord, const Scale& key) {
  const int letterSteps = ((letterIndex(chord.root.letter) - letterIndex(key.tonic.letter)) % 7 + 7) % 7;
  const int expected = kMajorScale[static_cast<std::size_t>(letterSteps)];
  int accidental = pitchClassOf(pitchClass(chord.root) - pitchClass(key.tonic) - expected);
  if (accidental > 6) accidental -= 12;
  std::string text;
  for (int i = 0; i < accidental; ++i) text += '#';
  for (int i = 0; i > accidental; --i) text += 'b';

  const bool lowerCase = chord.triad == Triad::Minor || chord.triad == Triad::Diminished;
  std::string numeral = kNumerals[static_cast<std::size_t>(letterSteps)];
  if (lowerCase)
    for (char& c : numeral) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  text += numeral;

  ChordSymbol withoutBass = chord;
  withoutBass.bass.reset();
  std::string suffix = toString(withoutBass).substr(toString(chord.root).size());
  // A lower-case numeral already says minor: ii7, not iim7 (but keep "dim").
  if (lowerCase && suffix.starts_with("m")) suffix.erase(0, 1);
  // The chart spellings of the diminished chords: vii°, vii°7, viiø7.
  if (suffix.starts_with("dim")) suffix = std::string("\u00B0").append(suffix, 3);
  if (suffix == "7b5") suffix = "\u00F87";
  text += suffix;
  if (chord.bass) text.append("/").append(toString(*chord.bass));
  return text;
}

}  // namespace lofi::theory
