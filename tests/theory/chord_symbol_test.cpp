#include "music/theory/chord_symbol.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "music/theory/symbol_error.h"

namespace lofi::theory {
namespace {

std::string canonical(const std::string& symbol) { return toString(parseChordSymbol(symbol)); }

std::vector<int> semitonesOf(const std::string& symbol) {
  std::vector<int> semitones;
  for (const ChordTone& tone : chordTones(parseChordSymbol(symbol))) semitones.push_back(tone.semitones);
  return semitones;
}

TEST(ChordSymbol, ReadsTheExamplesIntoTheirParts) {
  ChordSymbol chord = parseChordSymbol("Cmaj7");
  EXPECT_EQ(chord.root, (NoteName{'C', 0}));
  EXPECT_EQ(chord.triad, Triad::Major);
  EXPECT_EQ(chord.seventh, Seventh::Major);
  EXPECT_TRUE(chord.extensions.empty());
  EXPECT_FALSE(chord.bass);

  chord = parseChordSymbol("Dm9");
  EXPECT_EQ(chord.root, (NoteName{'D', 0}));
  EXPECT_EQ(chord.triad, Triad::Minor);
  EXPECT_EQ(chord.seventh, Seventh::Minor);
  EXPECT_EQ(chord.extensions, (std::vector<int>{9}));

  chord = parseChordSymbol("G13");
  EXPECT_EQ(chord.triad, Triad::Major);
  EXPECT_EQ(chord.seventh, Seventh::Minor);
  EXPECT_EQ(chord.extensions, (std::vector<int>{9, 13}));

  chord = parseChordSymbol("F#m7b5");
  EXPECT_EQ(chord.root, (NoteName{'F', 1}));
  EXPECT_EQ(chord.triad, Triad::Diminished);
  EXPECT_EQ(chord.seventh, Seventh::Minor);
  EXPECT_TRUE(chord.alterations.empty());

  chord = parseChordSymbol("Bb7#9");
  EXPECT_EQ(chord.root, (NoteName{'B', -1}));
  EXPECT_EQ(chord.seventh, Seventh::Minor);
  EXPECT_EQ(chord.alterations, (std::vector<Alteration>{Alteration::Sharp9}));

  chord = parseChordSymbol("Ebdim7");
  EXPECT_EQ(chord.root, (NoteName{'E', -1}));
  EXPECT_EQ(chord.triad, Triad::Diminished);
  EXPECT_EQ(chord.seventh, Seventh::Diminished);

  chord = parseChordSymbol("Asus4");
  EXPECT_EQ(chord.triad, Triad::Sus4);
  EXPECT_EQ(chord.seventh, Seventh::None);

  chord = parseChordSymbol("C6/9");
  EXPECT_EQ(chord.extensions, (std::vector<int>{6, 9}));
  EXPECT_FALSE(chord.bass);

  chord = parseChordSymbol("C/E");
  ASSERT_TRUE(chord.bass);
  EXPECT_EQ(*chord.bass, (NoteName{'E', 0}));
  EXPECT_EQ(chord.triad, Triad::Major);

  chord = parseChordSymbol("Abmaj9#11");
  EXPECT_EQ(chord.root, (NoteName{'A', -1}));
  EXPECT_EQ(chord.seventh, Seventh::Major);
  EXPECT_EQ(chord.extensions, (std::vector<int>{9}));
  EXPECT_EQ(chord.alterations, (std::vector<Alteration>{Alteration::Sharp11}));
}

TEST(ChordSymbol, CanonicalSymbolsPrintAsTyped) {
  for (const char* symbol : {"Cmaj7", "Dm9", "G13", "F#m7b5", "Bb7#9", "Ebdim7", "Asus4", "C6/9", "C/E", "Abmaj9#11",
                             "C", "Cm", "Cdim", "Caug", "C5", "C7", "Cm7", "CmMaj7", "C7sus4", "Cadd9", "Cmadd9",
                             "Cm6/9", "C11", "Cm11", "Cmaj13", "C13b9", "C13#11", "C7b9#9", "C7#5", "Cmaj7#5", "C7b5",
                             "C(b5)", "C(#11)", "Am7/G", "D/F#", "Cdim9", "Cm9b5", "C13sus4", "Csus4add9", "C7add13",
                             "C13add11", "Cm#5", "C5add9", "Cb5", "C#11", "Cmaj7sus2", "CmMaj7b5", "Caugadd9"}) {
    EXPECT_EQ(canonical(symbol), symbol);
  }
}

TEST(ChordSymbol, AliasesReadAsTheCanonicalChord) {
  const std::vector<std::pair<std::string, std::string>> aliases = {
      {"Cmin7", "Cm7"},         {"C-7", "Cm7"},          {"Cmi7", "Cm7"},          {"CM7", "Cmaj7"},
      {"C\u0394", "Cmaj7"},     {"C\u03947", "Cmaj7"},   {"C\u03949", "Cmaj9"},    {"C^7", "Cmaj7"},
      {"Cma7", "Cmaj7"},        {"CMaj7", "Cmaj7"},      {"Cmaj", "C"},            {"CM", "C"},
      {"C\u00F8", "Cm7b5"},     {"C\u00F87", "Cm7b5"},   {"C\u00B0", "Cdim"},      {"C\u00B07", "Cdim7"},
      {"Co7", "Cdim7"},         {"C+", "Caug"},          {"C+7", "C7#5"},          {"Caug7", "C7#5"},
      {"C7+5", "C7#5"},         {"Cadd2", "Cadd9"},      {"Csus", "Csus4"},        {"C69", "C6/9"},
      {"C6add9", "C6/9"},       {"Cadd13", "C6"},        {"C7(b9)", "C7b9"},       {"C7(#9,b13)", "C7#9b13"},
      {"C7(b9 #11)", "C7b9#11"}, {"C7-9", "C7b9"},       {"C7+9", "C7#9"},         {"Cm(maj7)", "CmMaj7"},
      {"CmM7", "CmMaj7"},       {"C-\u03947", "CmMaj7"}, {"Cmmaj7", "CmMaj7"},     {"Cm7(b5)", "Cm7b5"},
      {"Cmb5", "Cdim"},         {"Cadd#11", "C(#11)"},   {"C7(13)", "C7add13"},    {"C/C", "C"},
      {"B\u266D7", "Bb7"},      {"F\u266Fm", "F#m"},     {" Cmaj7 ", "Cmaj7"},     {"Csus2add9", "Csus2"},
      {"C7sus", "C7sus4"},      {"C9(#11)", "C9#11"},    {"Cmaj7(#11)", "Cmaj7#11"}, {"Cdim(maj7)", "CmMaj7b5"},
  };
  for (const auto& [alias, expected] : aliases) EXPECT_EQ(canonical(alias), expected) << alias;
}

TEST(ChordSymbol, EveryCombinationSurvivesPrintingAndReading) {
  const std::vector<std::string> roots = {"C", "F#", "Bb", "Ab"};
  const std::vector<std::string> bodies = {"",     "m",     "dim",   "aug",    "5",     "6",    "m6",  "6/9",
                                           "7",    "maj7",  "m7",    "mMaj7",  "dim7",  "m7b5", "9",   "maj9",
                                           "m9",   "11",    "m11",   "13",     "maj13", "sus2", "sus4", "7sus4",
                                           "add9", "madd9", "9sus4", "7add13", "aug7",  "dim9", "m13"};
  const std::vector<std::string> alterations = {"", "b5", "#5", "b9", "#9", "#11", "b13", "b9#11", "#9b13", "(b9,#9)"};
  const std::vector<std::string> basses = {"", "/E", "/Bb", "/G#"};
  int read = 0;
  for (const auto& root : roots)
    for (const auto& body : bodies)
      for (const auto& alteration : alterations)
        for (const auto& bass : basses) {
          const std::string symbol = root + body + alteration + bass;
          ChordSymbol chord;
          try {
            chord = parseChordSymbol(symbol);
          } catch (const SymbolError&) {
            continue;  // e.g. a power chord with an alteration
          }
          ++read;
          const std::string printed = toString(chord);
          EXPECT_EQ(parseChordSymbol(printed), chord) << symbol << " printed as " << printed;
          EXPECT_EQ(toString(parseChordSymbol(printed)), printed) << symbol;
        }
  EXPECT_GT(read, 4000);
}

TEST(ChordSymbol, TonesAboveTheRoot) {
  EXPECT_EQ(semitonesOf("C"), (std::vector<int>{0, 4, 7}));
  EXPECT_EQ(semitonesOf("Cm"), (std::vector<int>{0, 3, 7}));
  EXPECT_EQ(semitonesOf("C13"), (std::vector<int>{0, 4, 7, 10, 14, 21}));
  EXPECT_EQ(semitonesOf("Cm7b5"), (std::vector<int>{0, 3, 6, 10}));
  EXPECT_EQ(semitonesOf("C7#5"), (std::vector<int>{0, 4, 8, 10}));
  EXPECT_EQ(semitonesOf("C7b5"), (std::vector<int>{0, 4, 6, 10}));
  EXPECT_EQ(semitonesOf("Cdim7"), (std::vector<int>{0, 3, 6, 9}));
  EXPECT_EQ(semitonesOf("Csus4"), (std::vector<int>{0, 5, 7}));
  EXPECT_EQ(semitonesOf("Csus2"), (std::vector<int>{0, 2, 7}));
  EXPECT_EQ(semitonesOf("C5"), (std::vector<int>{0, 7}));
  EXPECT_EQ(semitonesOf("C6/9"), (std::vector<int>{0, 4, 7, 9, 14}));
  EXPECT_EQ(semitonesOf("Cmaj9#11"), (std::vector<int>{0, 4, 7, 11, 14, 18}));
  EXPECT_EQ(semitonesOf("C7b9b13"), (std::vector<int>{0, 4, 7, 10, 13, 20}));
  EXPECT_EQ(semitonesOf("Cm11"), (std::vector<int>{0, 3, 7, 10, 14, 17}));
  EXPECT_EQ(semitonesOf("CmMaj7"), (std::vector<int>{0, 3, 7, 11}));

  const auto tones = chordTones(parseChordSymbol("G13"));
  ASSERT_EQ(tones.size(), 6u);
  EXPECT_EQ(tones[5], (ChordTone{13, 21}));
  EXPECT_EQ(tones[3], (ChordTone{7, 10}));
}

TEST(ChordSymbol, PitchClassesIncludeTheBass) {
  EXPECT_EQ(pitchClasses(parseChordSymbol("Bb7#9")), (std::vector<int>{1, 2, 5, 8, 10}));
  EXPECT_EQ(pitchClasses(parseChordSymbol("C/E")), (std::vector<int>{0, 4, 7}));
  EXPECT_EQ(pitchClasses(parseChordSymbol("C/F#")), (std::vector<int>{0, 4, 6, 7}));
  EXPECT_EQ(pitchClasses(parseChordSymbol("Am7/G")), (std::vector<int>{0, 4, 7, 9}));
  const ChordSymbol slash = parseChordSymbol("D/F#");
  EXPECT_EQ(rootPitchClass(slash), 2);
  EXPECT_EQ(bassPitchClass(slash), 6);
  EXPECT_EQ(bassPitchClass(parseChordSymbol("Eb")), 3);
}

TEST(ChordSymbol, RespellingAndTransposing) {
  EXPECT_EQ(toString(respelled(parseChordSymbol("C#m7"))), "Dbm7");
  EXPECT_EQ(toString(respelled(parseChordSymbol("Gb7/Bb"))), "F#7/Bb");
  EXPECT_EQ(toString(respelled(parseChordSymbol("Db"), Spelling::Sharps)), "C#");
  EXPECT_EQ(toString(transposed(parseChordSymbol("Cmaj7"), 3)), "Ebmaj7");
  EXPECT_EQ(toString(transposed(parseChordSymbol("C/E"), 2)), "D/F#");
  EXPECT_EQ(toString(transposed(parseChordSymbol("Am7b5"), -2)), "Gm7b5");
}

TEST(ChordSymbol, NoChordMarkings) {
  EXPECT_TRUE(isNoChord("N.C."));
  EXPECT_TRUE(isNoChord("NC"));
  EXPECT_TRUE(isNoChord(" n.c. "));
  EXPECT_FALSE(isNoChord("C"));
  EXPECT_FALSE(isNoChord("N"));
}

// The message of the error `symbol` raises.
std::string errorOf(const std::string& symbol) {
  try {
    parseChordSymbol(symbol);
  } catch (const SymbolError& error) {
    EXPECT_EQ(error.symbol(), symbol);
    return error.what();
  }
  ADD_FAILURE() << "'" << symbol << "' was read as " << canonical(symbol);
  return "";
}

TEST(ChordSymbol, BadSymbolsSayWhichAndWhy) {
  EXPECT_EQ(errorOf("Hm7"), "'Hm7': 'H' is not a note name");
  EXPECT_EQ(errorOf(""), "'': empty chord symbol");
  EXPECT_EQ(errorOf("   "), "'   ': empty chord symbol");
  EXPECT_EQ(errorOf("cm7"), "'cm7': 'c' is not a note name (roots are capital letters)");
  EXPECT_EQ(errorOf("\u00D1m"), "'\u00D1m': '\u00D1' is not a note name");
  EXPECT_EQ(errorOf("Cmaj7x"), "'Cmaj7x': cannot read 'x' after 'Cmaj7'");
  EXPECT_EQ(errorOf("C7maj7"), "'C7maj7': cannot read 'maj7' after 'C7'");
  EXPECT_EQ(errorOf("C7b8"), "'C7b8': 'b8' is not an alteration (b5 #5 b9 #9 #11 b13)");
  EXPECT_EQ(errorOf("C7#"), "'C7#': '#' is not an alteration (b5 #5 b9 #9 #11 b13)");
  EXPECT_EQ(errorOf("C/"), "'C/': '/' without a bass note");
  EXPECT_EQ(errorOf("C/H"), "'C/H': 'H' is not a bass note");
  EXPECT_EQ(errorOf("C/E7"), "'C/E7': cannot read '7' after the bass note");
  EXPECT_EQ(errorOf("C7(b9"), "'C7(b9': '(' is never closed");
  EXPECT_EQ(errorOf("C7(x)"), "'C7(x)': cannot read 'x' inside parentheses");
  EXPECT_EQ(errorOf("Cadd"), "'Cadd': 'add' needs a tone: add2, add4, add6, add9, add11 or add13");
  EXPECT_EQ(errorOf("Cadd8"), "'Cadd8': 'add8' is not a tone to add (2, 4, 6, 9, 11, 13)");
  EXPECT_EQ(errorOf("C5b9"), "'C5b9': a power chord (5) takes no seventh or alteration");
  EXPECT_NE(errorOf("C8").find("'8' after 'C' is not a chord number"), std::string::npos);
  EXPECT_NE(errorOf("C2").find("sus2"), std::string::npos);
  EXPECT_NE(errorOf("C57").find("'57'"), std::string::npos);
  EXPECT_NE(errorOf("Cmsus4").find("cannot follow a minor"), std::string::npos);
  EXPECT_NE(errorOf("C(7)").find("only 6, 9, 11 or 13"), std::string::npos);
  EXPECT_NE(errorOf("C(maj)").find("needs 7, 9, 11 or 13"), std::string::npos);
  EXPECT_NE(errorOf("Cm7(maj7)").find("two sevenths"), std::string::npos);
  EXPECT_NE(errorOf("Cm5").find("power chord"), std::string::npos);
  EXPECT_NE(errorOf("C maj7").find("cannot read ' maj7'"), std::string::npos);
}

TEST(ChordSymbol, ErrorsAreInvalidArguments) {
  EXPECT_THROW(parseChordSymbol("Xm"), std::invalid_argument);
}

}  // namespace
}  // namespace lofi::theory
