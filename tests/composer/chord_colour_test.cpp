#include "music/composer/chord_colour.h"

#include <gtest/gtest.h>

#include <set>

#include "music/theory/roman_numeral.h"

namespace lofi::composer {
namespace {

std::set<std::string> colouringNames(const std::string& symbol, const std::string& key) {
  std::set<std::string> names;
  for (const ColouredChord& option : colourings(theory::parseChordSymbol(symbol), theory::parseScale(key)))
    names.insert(theory::toString(option.chord));
  return names;
}

TEST(ChordColour, DiatonicExtensionsOnly) {
  EXPECT_EQ(colouringNames("Dm7", "C major"), (std::set<std::string>{"Dm9", "Dm11"}));
  EXPECT_EQ(colouringNames("Cmaj7", "C major"), (std::set<std::string>{"Cmaj9", "C6/9"}));
  // The lydian #11 belongs to IV, whose B is in the key; I's F# is not.
  EXPECT_TRUE(colouringNames("Fmaj7", "C major").count("Fmaj7#11"));
  // iii7 takes no 9: F# is outside C major.
  EXPECT_TRUE(colouringNames("Em7", "C major").empty());
}

TEST(ChordColour, DominantsByKey) {
  const auto major = colouringNames("G7", "C major");
  EXPECT_TRUE(major.count("G9"));
  EXPECT_TRUE(major.count("G13"));
  EXPECT_TRUE(major.count("G9sus4"));
  EXPECT_FALSE(major.count("G7b9"));  // A is in C major: the natural 9 fits
  const auto minor = colouringNames("G7", "C minor");
  EXPECT_TRUE(minor.count("G7b9"));   // Ab is the minor key's ninth
  EXPECT_FALSE(minor.count("G9"));
  // A tritone substitute keeps its outside root but adds only tones of the key.
  EXPECT_EQ(colouringNames("Db7", "C major"), (std::set<std::string>{"Db7#11"}));
}

TEST(ChordColour, EveryColouringKeepsItsAddedTonesInTheKey) {
  for (const char* keyName : {"C major", "A minor", "F# major", "Eb minor"}) {
    const theory::Scale key = theory::parseScale(keyName);
    for (const char* numeral : {"Imaj7", "ii7", "iii7", "IVmaj7", "V7", "vi7", "i7", "iv7", "v7", "bVImaj7",
                                "bVII7", "iiø7", "iv6", "bII7", "IV7"}) {
      const theory::ChordSymbol base = theory::parseRomanNumeral(numeral, key);
      const std::vector<int> baseTones = theory::pitchClasses(base);
      for (const ColouredChord& option : colourings(base, key)) {
        EXPECT_NE(option.chord, base);
        for (int tone : theory::pitchClasses(option.chord)) {
          const bool fromBase = std::find(baseTones.begin(), baseTones.end(), tone) != baseTones.end();
          EXPECT_TRUE(fromBase || theory::contains(key, tone)) << theory::toString(option.chord) << " in " << keyName;
        }
        // The label must read back as the same chord.
        EXPECT_EQ(theory::parseChordSymbol(theory::toString(option.chord)), option.chord);
      }
    }
  }
}

TEST(ChordColour, PercentDecidesHowOften) {
  const theory::ChordSymbol dm7 = theory::parseChordSymbol("Dm7");
  const theory::Scale key = theory::parseScale("C major");
  SeededRandom random(1);
  int coloured = 0;
  for (int i = 0; i < 1000; ++i) coloured += colourChord(dm7, key, 60, random) != dm7;
  EXPECT_NEAR(coloured / 1000.0, 0.6, 0.05);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(colourChord(dm7, key, 0, random), dm7);
}

}  // namespace
}  // namespace lofi::composer
