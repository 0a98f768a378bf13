#include "music/theory/roman_numeral.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "music/theory/symbol_error.h"

namespace lofi::theory {
namespace {

std::string progression(const std::string& numerals, const std::string& key) {
  std::string text;
  for (const ChordSymbol& chord : parseRomanProgression(numerals, parseScale(key))) {
    if (!text.empty()) text += ' ';
    text += toString(chord);
  }
  return text;
}

std::string chordOf(const std::string& numeral, const std::string& key = "C major") {
  return toString(parseRomanNumeral(numeral, parseScale(key)));
}

TEST(RomanNumeral, TwoFiveOneInAnyKey) {
  EXPECT_EQ(progression("ii7 V7 Imaj7", "C major"), "Dm7 G7 Cmaj7");
  EXPECT_EQ(progression("ii7 V7 Imaj7", "Eb major"), "Fm7 Bb7 Ebmaj7");
  EXPECT_EQ(progression("ii7 V7 Imaj7", "F# major"), "G#m7 C#7 F#maj7");
  for (int tonic = 0; tonic < 12; ++tonic) {
    const Scale key{spell(tonic), Mode::Major};
    const auto chords = parseRomanProgression("ii7 V7 Imaj7", key);
    ASSERT_EQ(chords.size(), 3u);
    EXPECT_EQ(rootPitchClass(chords[0]), pitchClassOf(tonic + 2));
    EXPECT_EQ(rootPitchClass(chords[1]), pitchClassOf(tonic + 7));
    EXPECT_EQ(rootPitchClass(chords[2]), tonic);
    EXPECT_EQ(chords[0].triad, Triad::Minor);
    EXPECT_EQ(chords[1].seventh, Seventh::Minor);
    EXPECT_EQ(chords[2].seventh, Seventh::Major);
  }
}

TEST(RomanNumeral, MinorKeysCountFromTheMajorScale) {
  EXPECT_EQ(progression("i7 iv7 bVIImaj7", "C minor"), "Cm7 Fm7 Bbmaj7");
  EXPECT_EQ(progression("i7 iv7 bVIImaj7", "A minor"), "Am7 Dm7 Gmaj7");
  EXPECT_EQ(progression("i7 iv7 bVIImaj7", "Eb minor"), "Ebm7 Abm7 Dbmaj7");
  EXPECT_EQ(progression("i | bVI | bIII | bVII", "A minor"), "Am F C G");
  EXPECT_EQ(progression("i, iv, v", "D minor"), "Dm Gm Am");
}

TEST(RomanNumeral, QualitiesAndAccidentals) {
  EXPECT_EQ(chordOf("vii\u00F87"), "Bm7b5");
  EXPECT_EQ(chordOf("vii\u00B07"), "Bdim7");
  EXPECT_EQ(chordOf("viio7"), "Bdim7");
  EXPECT_EQ(chordOf("vii\u00B0"), "Bdim");
  EXPECT_EQ(chordOf("III+"), "Eaug");
  EXPECT_EQ(chordOf("bIII"), "Eb");
  EXPECT_EQ(chordOf("#iv\u00B0"), "F#dim");
  EXPECT_EQ(chordOf("bII7"), "Db7");
  EXPECT_EQ(chordOf("bVI", "A major"), "F");
  EXPECT_EQ(chordOf("#IV"), "F#");
  EXPECT_EQ(chordOf("\u266DVII"), "Bb");
  EXPECT_EQ(chordOf("I6/9"), "C6/9");
  EXPECT_EQ(chordOf("I6"), "C6");
  EXPECT_EQ(chordOf("I/E"), "C/E");
  EXPECT_EQ(chordOf("iimaj7"), "DmMaj7");
  EXPECT_EQ(chordOf("IIm7"), "Dm7");
  EXPECT_EQ(chordOf("ii-7"), "Dm7");
  EXPECT_EQ(chordOf("V7sus4"), "G7sus4");
  EXPECT_EQ(chordOf("V7b9"), "G7b9");
  EXPECT_EQ(chordOf("IVmaj9#11"), "Fmaj9#11");
  EXPECT_EQ(chordOf("vi9"), "Am9");
  EXPECT_EQ(chordOf(" ii7 "), "Dm7");
}

TEST(RomanNumeral, AppliedChords) {
  EXPECT_EQ(chordOf("V7/V"), "D7");
  EXPECT_EQ(chordOf("V7/ii"), "A7");
  EXPECT_EQ(chordOf("vii\u00B07/V"), "F#dim7");
  EXPECT_EQ(chordOf("ii7/IV"), "Gm7");
  EXPECT_EQ(chordOf("V/V/V"), "A");
  EXPECT_EQ(chordOf("V7/bVI", "C major"), "Eb7");
}

std::string errorOf(const std::string& numeral) {
  try {
    parseRomanNumeral(numeral, parseScale("C major"));
  } catch (const SymbolError& error) {
    EXPECT_EQ(error.symbol(), numeral);
    return error.what();
  }
  ADD_FAILURE() << numeral << " was read";
  return "";
}

TEST(RomanNumeral, BadNumeralsSayWhichAndWhy) {
  EXPECT_EQ(errorOf("VIII"), "'VIII': 'VIII' is not a roman numeral (I-VII or i-vii)");
  EXPECT_EQ(errorOf("Iv"), "'Iv': 'Iv' is not a roman numeral (I-VII or i-vii)");
  EXPECT_EQ(errorOf("X7"), "'X7': 'X' is not a roman numeral (I-VII or i-vii)");
  EXPECT_EQ(errorOf(""), "'': empty roman numeral");
  EXPECT_EQ(errorOf("ii7x"), "'ii7x': as the chord 'Dm7x': cannot read 'x' after 'Dm7'");
  EXPECT_THROW(parseRomanNumeral("V7/X", parseScale("C major")), SymbolError);
}

TEST(RomanNumeral, BadProgressionsNameTheChord) {
  try {
    parseRomanProgression("ii7 V7 Hmaj7", parseScale("C major"));
    FAIL();
  } catch (const SymbolError& error) {
    EXPECT_EQ(error.symbol(), "ii7 V7 Hmaj7");
    EXPECT_STREQ(error.what(),
                 "'ii7 V7 Hmaj7': chord 3 'Hmaj7': 'H' is not a roman numeral (I-VII or i-vii)");
  }
  EXPECT_THROW(parseRomanProgression(" | ", parseScale("C major")), SymbolError);
}

TEST(RomanNumeral, ChordsBackToNumerals) {
  const Scale cMajor = parseScale("C major");
  const Scale cMinor = parseScale("C minor");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Dm7"), cMajor), "ii7");
  EXPECT_EQ(romanNumeral(parseChordSymbol("G7"), cMajor), "V7");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Cmaj7"), cMajor), "Imaj7");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Bbmaj7"), cMinor), "bVIImaj7");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Bm7b5"), cMajor), "vii\u00F87");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Bdim7"), cMajor), "vii\u00B07");
  EXPECT_EQ(romanNumeral(parseChordSymbol("F#dim"), cMajor), "#iv\u00B0");
  EXPECT_EQ(romanNumeral(parseChordSymbol("C/E"), cMajor), "I/E");
  EXPECT_EQ(romanNumeral(parseChordSymbol("CmMaj7"), cMajor), "iMaj7");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Eaug"), cMajor), "IIIaug");
  EXPECT_EQ(romanNumeral(parseChordSymbol("Db7"), cMajor), "bII7");
}

TEST(RomanNumeral, NumeralsAndChordsRoundTripInEveryKey) {
  const std::vector<std::string> symbols = {"Cmaj7", "Dm9", "G13", "F#m7b5", "Bb7#9", "Ebdim7", "Asus4", "C6/9",
                                            "C/E", "Abmaj9#11", "Em", "Gaug", "Dbmaj7", "B7b9", "CmMaj7", "Fm6"};
  for (const Mode mode : {Mode::Major, Mode::NaturalMinor}) {
    for (int tonic = 0; tonic < 12; ++tonic) {
      const Scale key{spell(tonic), mode};
      for (const std::string& symbol : symbols) {
        const ChordSymbol chord = parseChordSymbol(symbol);
        const std::string numeral = romanNumeral(chord, key);
        EXPECT_EQ(parseRomanNumeral(numeral, key), chord) << symbol << " in " << toString(key) << " as " << numeral;
      }
    }
  }
}

}  // namespace
}  // namespace lofi::theory
