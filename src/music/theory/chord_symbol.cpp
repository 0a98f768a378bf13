#include "music/theory/chord_symbol.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "music/theory/symbol_reader.h"

namespace lofi::theory {
namespace {

bool contains(const std::vector<int>& values, int value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool contains(const std::vector<Alteration>& values, Alteration value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

template <typename T>
void remove(std::vector<T>& values, T value) {
  values.erase(std::remove(values.begin(), values.end(), value), values.end());
}

template <typename T>
void sortUnique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

const char* alterationText(Alteration alteration) {
  switch (alteration) {
    case Alteration::Flat5: return "b5";
    case Alteration::Sharp5: return "#5";
    case Alteration::Flat9: return "b9";
    case Alteration::Sharp9: return "#9";
    case Alteration::Sharp11: return "#11";
    case Alteration::Flat13: return "b13";
  }
  return "";
}

// Reads one chord symbol, left to right: root, quality, body (the number),
// modifiers (sus, add, alterations, groups), slash bass.
class ChordParser {
 public:
  explicit ChordParser(std::string_view symbol) : reader_(symbol) {}

  ChordSymbol parse() {
    readRoot();
    readQuality();
    readBody();
    while (!reader_.atEnd() && !reader_.peek("/")) {
      if (!readModifier()) {
        reader_.fail("cannot read '" + std::string(reader_.rest()) + "' after '" + std::string(reader_.consumed()) +
                     "'");
      }
    }
    readBass();
    normalise();
    return chord_;
  }

 private:
  void readRoot() {
    if (reader_.atEnd()) reader_.fail("empty chord symbol");
    const auto root = readNoteName(reader_.rest());
    if (!root) {
      const std::string first = reader_.nextCharacter();
      const bool lowerCaseLetter = first.size() == 1 && first[0] >= 'a' && first[0] <= 'g';
      reader_.fail(quoted(first) + " is not a note name" + (lowerCaseLetter ? " (roots are capital letters)" : ""));
    }
    chord_.root = root->first;
    reader_.advance(root->second);
  }

  void readQuality() {
    if (reader_.acceptAny({"maj", "Maj", "MAJ"}) || acceptMaBeforeDigit() || reader_.accept("M")) {
      majorMarker_ = true;
    } else if (reader_.acceptAny({"\u0394", "^"})) {  // Δ
      majorMarker_ = delta_ = true;
    } else if (reader_.acceptAny({"min", "mi", "m", "-"})) {
      chord_.triad = Triad::Minor;
      if (reader_.acceptAny({"Maj", "maj", "MAJ", "M"})) majorMarker_ = true;
      else if (reader_.acceptAny({"\u0394", "^"})) majorMarker_ = delta_ = true;
    } else if (reader_.acceptAny({"dim", "\u00B0", "o"})) {  // °
      chord_.triad = Triad::Diminished;
    } else if (reader_.acceptAny({"\u00F8", "\u00D8"})) {  // ø Ø
      chord_.triad = Triad::Diminished;
      chord_.seventh = Seventh::Minor;
      halfDiminished_ = true;
    } else if (reader_.acceptAny({"aug", "+"})) {
      chord_.triad = Triad::Augmented;
    }
  }

  // "ma7" is maj7, but "madd9" is minor add 9.
  bool acceptMaBeforeDigit() {
    const std::string_view rest = reader_.rest();
    if (rest.size() < 3 || !rest.starts_with("ma") || !std::isdigit(static_cast<unsigned char>(rest[2]))) return false;
    reader_.advance(2);
    return true;
  }

  void readBody() {
    const std::size_t start = reader_.position();
    const auto number = reader_.readNumber();
    if (!number) {
      if (delta_) chord_.seventh = Seventh::Major;  // Δ alone is maj7
      return;
    }
    switch (*number) {
      case 5:
        if (chord_.triad != Triad::Major || majorMarker_) reader_.fail("'5' (a power chord) follows the root directly");
        chord_.triad = Triad::Power;
        return;
      case 6:
        addNatural(6);
        if (reader_.accept("/9")) addNatural(9);
        return;
      case 69:
        addNatural(6);
        addNatural(9);
        return;
      case 7:
      case 9:
      case 11:
      case 13:
        setSeventh(*number);
        return;
      default: {
        const std::string text = std::to_string(*number);
        const bool suggestSus = *number == 2 || *number == 4;
        reader_.fail(quoted(text) + " after '" + std::string(reader_.consumed().substr(0, start)) +
                     "' is not a chord number (6, 6/9, 7, 9, 11, 13" + (suggestSus ? "; or sus" + text : "") + ")");
      }
    }
  }

  // 7, 9, 11 or 13 as the body: a seventh and the stacked tones it implies.
  void setSeventh(int number) {
    if (chord_.seventh != Seventh::None && !halfDiminished_) reader_.fail("two sevenths");
    if (majorMarker_) chord_.seventh = Seventh::Major;
    else if (chord_.triad == Triad::Diminished && !halfDiminished_) chord_.seventh = Seventh::Diminished;
    else chord_.seventh = Seventh::Minor;
    if (number >= 9) addNatural(9);
    if (number == 11) addNatural(11);
    if (number == 13) addNatural(13);
  }

  void addNatural(int degree) { chord_.extensions.push_back(degree); }

  bool readModifier() {
    if (auto sus = reader_.acceptAny({"sus4", "sus2", "sus"})) {
      if (chord_.triad != Triad::Major && chord_.triad != Triad::Sus2 && chord_.triad != Triad::Sus4)
        reader_.fail(quoted(*sus) + " replaces a major third; it cannot follow a minor, diminished, augmented or "
                                    "power chord");
      chord_.triad = *sus == "sus2" ? Triad::Sus2 : Triad::Sus4;
      return true;
    }
    if (reader_.accept("add")) {
      readAdded();
      return true;
    }
    if (readAlteration()) return true;
    if (reader_.accept("(")) {
      readGroup();
      return true;
    }
    return false;
  }

  // After "add": 2, 4, 6, 9, 11, 13, or an altered tone (add#11).
  void readAdded() {
    reader_.skipSpaces();
    if (readAlteration()) return;
    const auto number = reader_.readNumber();
    if (!number) reader_.fail("'add' needs a tone: add2, add4, add6, add9, add11 or add13");
    switch (*number) {
      case 2:
      case 9: addNatural(9); return;
      case 4:
      case 11: addNatural(11); return;
      case 6:
      case 13: addNatural(chord_.seventh == Seventh::None ? 6 : 13); return;
      default: reader_.fail("'add" + std::to_string(*number) + "' is not a tone to add (2, 4, 6, 9, 11, 13)");
    }
  }

  bool readAlteration() {
    const std::size_t start = reader_.position();
    int direction = 0;
    if (reader_.acceptAny({"b", "-", "\u266D"})) direction = -1;
    else if (reader_.acceptAny({"#", "+", "\u266F"})) direction = +1;
    else return false;
    const auto number = reader_.readNumber();
    const std::string written =
        std::string(reader_.consumed().substr(start)) + (number ? "" : reader_.nextCharacter());
    if (!number) reader_.fail(quoted(written) + " is not an alteration (b5 #5 b9 #9 #11 b13)");
    const Alteration alteration = alterationFor(direction, *number, written);
    chord_.alterations.push_back(alteration);
    return true;
  }

  Alteration alterationFor(int direction, int degree, const std::string& written) {
    if (direction < 0 && degree == 5) return Alteration::Flat5;
    if (direction > 0 && degree == 5) return Alteration::Sharp5;
    if (direction < 0 && degree == 9) return Alteration::Flat9;
    if (direction > 0 && degree == 9) return Alteration::Sharp9;
    if (direction > 0 && degree == 11) return Alteration::Sharp11;
    if (direction < 0 && degree == 13) return Alteration::Flat13;
    reader_.fail(quoted(written) + " is not an alteration (b5 #5 b9 #9 #11 b13)");
  }

  // "(b9,#11)", "(maj7)", "(add9)", "(9)": items separated by commas or spaces.
  void readGroup() {
    while (true) {
      reader_.skipSpaces();
      if (reader_.atEnd()) reader_.fail("'(' is never closed");
      if (reader_.accept(")")) return;
      if (!readGroupItem()) {
        reader_.fail("cannot read '" + reader_.nextCharacter() + "' inside parentheses");
      }
      reader_.skipSpaces();
      reader_.accept(",");
    }
  }

  bool readGroupItem() {
    if (reader_.acceptAny({"maj", "Maj", "MAJ", "M", "\u0394", "^"})) {
      const auto number = reader_.readNumber();
      if (!number || (*number != 7 && *number != 9 && *number != 11 && *number != 13))
        reader_.fail("a major seventh in parentheses needs 7, 9, 11 or 13, as in (maj7)");
      majorMarker_ = true;
      setSeventh(*number);
      return true;
    }
    if (const auto number = reader_.readNumber()) {
      if (*number != 6 && *number != 9 && *number != 11 && *number != 13)
        reader_.fail("'(" + std::to_string(*number) + ")': only 6, 9, 11 or 13 may be added in parentheses");
      addNatural(*number == 13 && chord_.seventh == Seventh::None ? 6 : *number);
      return true;
    }
    return readModifier();
  }

  void readBass() {
    if (!reader_.accept("/")) return;
    if (reader_.atEnd()) reader_.fail("'/' without a bass note");
    const auto bass = readNoteName(reader_.rest());
    if (!bass) reader_.fail(quoted(reader_.nextCharacter()) + " is not a bass note");
    reader_.advance(bass->second);
    if (!reader_.atEnd())
      reader_.fail("cannot read '" + std::string(reader_.rest()) + "' after the bass note");
    chord_.bass = bass->first;
  }

  void normalise() {
    auto& alterations = chord_.alterations;
    sortUnique(alterations);
    if (chord_.triad == Triad::Power && (chord_.seventh != Seventh::None || !alterations.empty()))
      reader_.fail("a power chord (5) takes no seventh or alteration");
    // A minor triad with b5 is diminished, a major one with #5 augmented.
    if (contains(alterations, Alteration::Flat5) &&
        (chord_.triad == Triad::Minor || chord_.triad == Triad::Diminished)) {
      chord_.triad = Triad::Diminished;
      remove(alterations, Alteration::Flat5);
    }
    if (contains(alterations, Alteration::Sharp5) &&
        (chord_.triad == Triad::Major || chord_.triad == Triad::Augmented)) {
      chord_.triad = Triad::Augmented;
      remove(alterations, Alteration::Sharp5);
    }
    auto& extensions = chord_.extensions;
    if (contains(alterations, Alteration::Flat9) || contains(alterations, Alteration::Sharp9)) remove(extensions, 9);
    if (contains(alterations, Alteration::Sharp11)) remove(extensions, 11);
    if (contains(alterations, Alteration::Flat13)) remove(extensions, 13);
    // The 6 and the 13 are one tone: a 6 with a seventh is a 13, a 13 without one a 6.
    for (int& degree : extensions) {
      if (degree == 6 && chord_.seventh != Seventh::None) degree = 13;
      if (degree == 13 && chord_.seventh == Seventh::None) degree = 6;
    }
    // Suspended tones already sound the 9 (sus2) or the 11 (sus4).
    if (chord_.triad == Triad::Sus2) remove(extensions, 9);
    if (chord_.triad == Triad::Sus4) remove(extensions, 11);
    sortUnique(extensions);
    if (chord_.bass && pitchClass(*chord_.bass) == pitchClass(chord_.root)) chord_.bass.reset();
  }

  SymbolReader reader_;
  ChordSymbol chord_;
  bool majorMarker_ = false;     // maj, M, Δ: the seventh, if any, is major
  bool delta_ = false;           // Δ alone means maj7
  bool halfDiminished_ = false;  // ø already set the seventh
};

// The number that names the stacked extensions (9, 11, 13, or 7), and the
// natural tones it implies. An altered 9 counts as present for 11 and 13.
std::pair<int, std::vector<int>> stackNumber(const ChordSymbol& chord) {
  const auto& naturals = chord.extensions;
  const bool hasNine = contains(naturals, 9) || contains(chord.alterations, Alteration::Flat9) ||
                       contains(chord.alterations, Alteration::Sharp9);
  if (hasNine && contains(naturals, 13)) return {13, {9, 13}};
  if (hasNine && contains(naturals, 11)) return {11, {9, 11}};
  if (contains(naturals, 9)) return {9, {9}};
  return {7, {}};
}

}  // namespace

ChordSymbol parseChordSymbol(std::string_view symbol) {
  const std::string_view text = trimmed(symbol);
  try {
    return ChordParser(text).parse();
  } catch (const SymbolError& error) {
    if (text.size() == symbol.size()) throw;
    throw SymbolError(std::string(symbol), error.reason());  // name the symbol as it was given
  }
}

std::string toString(const ChordSymbol& chord) {
  std::string text = toString(chord.root);
  std::vector<Alteration> alterations = chord.alterations;
  std::vector<int> remaining = chord.extensions;
  const bool hasSeventh = chord.seventh != Seventh::None;

  std::string prefix;
  switch (chord.triad) {
    case Triad::Minor: prefix = "m"; break;
    case Triad::Diminished:
      if (hasSeventh && chord.seventh != Seventh::Diminished) {
        prefix = "m";  // m7b5, mMaj7b5
        alterations.push_back(Alteration::Flat5);
      } else {
        prefix = "dim";
      }
      break;
    case Triad::Augmented:
      if (hasSeventh) alterations.push_back(Alteration::Sharp5);  // 7#5, maj7#5
      else prefix = "aug";
      break;
    case Triad::Power: prefix = "5"; break;
    default: break;
  }

  std::string body;
  if (hasSeventh) {
    const auto [number, implied] = stackNumber(chord);
    for (int degree : implied) remove(remaining, degree);
    if (chord.seventh == Seventh::Major) body = prefix == "m" ? "Maj" : "maj";
    body += std::to_string(number);
  } else if (contains(remaining, 6)) {
    remove(remaining, 6);
    body = "6";
    if (contains(remaining, 9)) {
      remove(remaining, 9);
      body = "6/9";
    }
  }

  std::string suffix;
  if (chord.triad == Triad::Sus2) suffix = "sus2";
  if (chord.triad == Triad::Sus4) suffix = "sus4";
  for (int degree : remaining) suffix += "add" + std::to_string(degree);

  std::sort(alterations.begin(), alterations.end());
  std::string altered;
  for (Alteration alteration : alterations) altered += alterationText(alteration);
  // Right after the root an alteration would read as the root's accidental (Cb5, C#11).
  if (prefix.empty() && body.empty() && suffix.empty() && !altered.empty()) altered = "(" + altered + ")";

  text += prefix + body + suffix + altered;
  if (chord.bass) text += "/" + toString(*chord.bass);
  return text;
}

bool isNoChord(std::string_view symbol) {
  std::string upper;
  for (char c : trimmed(symbol)) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper == "N.C." || upper == "NC" || upper == "N.C";
}

std::vector<ChordTone> chordTones(const ChordSymbol& chord) {
  std::vector<ChordTone> tones = {{1, 0}};
  switch (chord.triad) {
    case Triad::Major:
    case Triad::Augmented: tones.push_back({3, 4}); break;
    case Triad::Minor:
    case Triad::Diminished: tones.push_back({3, 3}); break;
    case Triad::Sus2: tones.push_back({2, 2}); break;
    case Triad::Sus4: tones.push_back({4, 5}); break;
    case Triad::Power: break;
  }
  const int triadFifth = chord.triad == Triad::Diminished ? 6 : chord.triad == Triad::Augmented ? 8 : 7;
  const bool flatFifth = contains(chord.alterations, Alteration::Flat5);
  const bool sharpFifth = contains(chord.alterations, Alteration::Sharp5);
  // An altered fifth replaces the perfect fifth; it sits beside a fifth the triad already alters.
  if (triadFifth != 7 || (!flatFifth && !sharpFifth)) tones.push_back({5, triadFifth});
  if (flatFifth && triadFifth != 6) tones.push_back({5, 6});
  if (sharpFifth && triadFifth != 8) tones.push_back({5, 8});

  switch (chord.seventh) {
    case Seventh::Minor: tones.push_back({7, 10}); break;
    case Seventh::Major: tones.push_back({7, 11}); break;
    case Seventh::Diminished: tones.push_back({7, 9}); break;
    case Seventh::None: break;
  }
  for (int degree : chord.extensions) {
    static constexpr std::array<std::pair<int, int>, 4> naturalSemitones = {{{6, 9}, {9, 14}, {11, 17}, {13, 21}}};
    for (const auto& [natural, semitones] : naturalSemitones)
      if (natural == degree) tones.push_back({degree, semitones});
  }
  for (Alteration alteration : chord.alterations) {
    switch (alteration) {
      case Alteration::Flat9: tones.push_back({9, 13}); break;
      case Alteration::Sharp9: tones.push_back({9, 15}); break;
      case Alteration::Sharp11: tones.push_back({11, 18}); break;
      case Alteration::Flat13: tones.push_back({13, 20}); break;
      default: break;  // fifths handled above
    }
  }
  std::sort(tones.begin(), tones.end(),
            [](const ChordTone& a, const ChordTone& b) { return a.semitones < b.semitones; });
  return tones;
}

std::vector<int> pitchClasses(const ChordSymbol& chord) {
  const int root = rootPitchClass(chord);
  std::vector<int> classes;
  for (const ChordTone& tone : chordTones(chord)) classes.push_back(pitchClassOf(root + tone.semitones));
  classes.push_back(bassPitchClass(chord));
  sortUnique(classes);
  return classes;
}

int rootPitchClass(const ChordSymbol& chord) { return pitchClass(chord.root); }

int bassPitchClass(const ChordSymbol& chord) { return chord.bass ? pitchClass(*chord.bass) : pitchClass(chord.root); }

ChordSymbol respelled(const ChordSymbol& chord, Spelling spelling) { return transposed(chord, 0, spelling); }

ChordSymbol transposed(const ChordSymbol& chord, int semitones, Spelling spelling) {
  ChordSymbol moved = chord;
  moved.root = spell(pitchClass(chord.root) + semitones, spelling);
  if (chord.bass) moved.bass = spell(pitchClass(*chord.bass) + semitones, spelling);
  return moved;
}

}  // namespace lofi::theory
