#include "music/theory/scale.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "music/theory/symbol_error.h"

namespace lofi::theory {
namespace {

std::string namesOf(const std::string& scale) {
  std::string text;
  for (const NoteName& name : noteNames(parseScale(scale))) {
    if (!text.empty()) text += ' ';
    text += toString(name);
  }
  return text;
}

TEST(Scale, PitchClassesOfEveryMode) {
  const NoteName c{'C', 0};
  EXPECT_EQ(pitchClasses({c, Mode::Major}), (std::vector<int>{0, 2, 4, 5, 7, 9, 11}));
  EXPECT_EQ(pitchClasses({c, Mode::NaturalMinor}), (std::vector<int>{0, 2, 3, 5, 7, 8, 10}));
  EXPECT_EQ(pitchClasses({c, Mode::HarmonicMinor}), (std::vector<int>{0, 2, 3, 5, 7, 8, 11}));
  EXPECT_EQ(pitchClasses({c, Mode::MelodicMinor}), (std::vector<int>{0, 2, 3, 5, 7, 9, 11}));
  EXPECT_EQ(pitchClasses({c, Mode::Dorian}), (std::vector<int>{0, 2, 3, 5, 7, 9, 10}));
  EXPECT_EQ(pitchClasses({c, Mode::Phrygian}), (std::vector<int>{0, 1, 3, 5, 7, 8, 10}));
  EXPECT_EQ(pitchClasses({c, Mode::Lydian}), (std::vector<int>{0, 2, 4, 6, 7, 9, 11}));
  EXPECT_EQ(pitchClasses({c, Mode::Mixolydian}), (std::vector<int>{0, 2, 4, 5, 7, 9, 10}));
  EXPECT_EQ(pitchClasses({c, Mode::Locrian}), (std::vector<int>{0, 1, 3, 5, 6, 8, 10}));
  EXPECT_EQ(pitchClasses({c, Mode::MajorPentatonic}), (std::vector<int>{0, 2, 4, 7, 9}));
  EXPECT_EQ(pitchClasses({c, Mode::MinorPentatonic}), (std::vector<int>{0, 3, 5, 7, 10}));
  EXPECT_EQ(pitchClasses({{'A', 0}, Mode::NaturalMinor}), (std::vector<int>{9, 11, 0, 2, 4, 5, 7}));
}

TEST(Scale, NoteNamesUseOneLetterPerDegree) {
  EXPECT_EQ(namesOf("E major"), "E F# G# A B C# D#");
  EXPECT_EQ(namesOf("F major"), "F G A Bb C D E");
  EXPECT_EQ(namesOf("Eb minor"), "Eb F Gb Ab Bb Cb Db");
  EXPECT_EQ(namesOf("A harmonic minor"), "A B C D E F G#");
  EXPECT_EQ(namesOf("C melodic minor"), "C D Eb F G A B");
  EXPECT_EQ(namesOf("D dorian"), "D E F G A B C");
  EXPECT_EQ(namesOf("Bb mixolydian"), "Bb C D Eb F G Ab");
  EXPECT_EQ(namesOf("C# major pentatonic"), "C# D# E# G# A#");
  EXPECT_EQ(namesOf("A minor pentatonic"), "A C D E G");
  EXPECT_EQ(namesOf("Bb minor pentatonic"), "Bb Db Eb F Ab");
}

TEST(Scale, DegreesWrapPastTheOctave) {
  const Scale cMajor = parseScale("C major");
  EXPECT_EQ(degreePitchClass(cMajor, 1), 0);
  EXPECT_EQ(degreePitchClass(cMajor, 5), 7);
  EXPECT_EQ(degreePitchClass(cMajor, 8), 0);
  EXPECT_EQ(degreePitchClass(cMajor, 9), 2);
  EXPECT_EQ(degreePitchClass(cMajor, 0), 11);  // the degree below the tonic
  const Scale pentatonic = parseScale("G major pentatonic");
  EXPECT_EQ(degreePitchClass(pentatonic, 6), 7);
  EXPECT_EQ(degreePitchClass(pentatonic, 5), 4);
}

TEST(Scale, MembershipAndDegreeOf) {
  const Scale cMajor = parseScale("C major");
  EXPECT_EQ(degreeOf(cMajor, 5), 4);
  EXPECT_EQ(degreeOf(cMajor, 11), 7);
  EXPECT_EQ(degreeOf(cMajor, 1), std::nullopt);
  EXPECT_EQ(degreeOf(cMajor, 17), 4);  // wraps like a pitch class
  for (Mode mode : {Mode::Major, Mode::NaturalMinor, Mode::HarmonicMinor, Mode::MelodicMinor, Mode::Dorian,
                    Mode::Mixolydian, Mode::MajorPentatonic, Mode::MinorPentatonic}) {
    const Scale scale{{'D', 0}, mode};
    int members = 0;
    for (int pitch = 0; pitch < 12; ++pitch) members += contains(scale, pitch) ? 1 : 0;
    EXPECT_EQ(members, static_cast<int>(modeIntervals(mode).size())) << modeName(mode);
    EXPECT_TRUE(contains(scale, 2));
  }
  EXPECT_TRUE(contains(parseScale("A harmonic minor"), 8));
  EXPECT_FALSE(contains(parseScale("A minor"), 8));
  EXPECT_FALSE(contains(parseScale("A minor pentatonic"), 11));
}

TEST(Scale, ParseNamesAndShorthands) {
  EXPECT_EQ(parseScale("C major"), (Scale{{'C', 0}, Mode::Major}));
  EXPECT_EQ(parseScale("A minor"), (Scale{{'A', 0}, Mode::NaturalMinor}));
  EXPECT_EQ(parseScale("F# harmonic minor"), (Scale{{'F', 1}, Mode::HarmonicMinor}));
  EXPECT_EQ(parseScale("Eb Major Pentatonic"), (Scale{{'E', -1}, Mode::MajorPentatonic}));
  EXPECT_EQ(parseScale("D  dorian"), (Scale{{'D', 0}, Mode::Dorian}));
  EXPECT_EQ(parseScale("Am"), (Scale{{'A', 0}, Mode::NaturalMinor}));
  EXPECT_EQ(parseScale("C"), (Scale{{'C', 0}, Mode::Major}));
  EXPECT_EQ(parseScale("CM"), (Scale{{'C', 0}, Mode::Major}));
  EXPECT_EQ(parseScale("G aeolian"), (Scale{{'G', 0}, Mode::NaturalMinor}));
  for (Mode mode : {Mode::Major, Mode::NaturalMinor, Mode::HarmonicMinor, Mode::MelodicMinor, Mode::Dorian,
                    Mode::Phrygian, Mode::Lydian, Mode::Mixolydian, Mode::Locrian, Mode::MajorPentatonic,
                    Mode::MinorPentatonic}) {
    const Scale scale{{'B', -1}, mode};
    EXPECT_EQ(parseScale(toString(scale)), scale) << toString(scale);
  }
}

TEST(Scale, BadScaleNamesSayWhy) {
  try {
    parseScale("H major");
    FAIL();
  } catch (const SymbolError& error) {
    EXPECT_STREQ(error.what(), "'H major': 'H' is not a note name");
  }
  try {
    parseScale("C majestic");
    FAIL();
  } catch (const SymbolError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("'C majestic': 'majestic' is not a scale (major, minor", 0), 0u)
        << error.what();
  }
  EXPECT_THROW(parseScale(""), SymbolError);
}

TEST(Scale, KeySignatures) {
  EXPECT_EQ(toString(scaleFromKeySignature(0, false)), "C major");
  EXPECT_EQ(toString(scaleFromKeySignature(1, false)), "G major");
  EXPECT_EQ(toString(scaleFromKeySignature(-1, false)), "F major");
  EXPECT_EQ(toString(scaleFromKeySignature(-3, true)), "C minor");
  EXPECT_EQ(toString(scaleFromKeySignature(2, true)), "B minor");
  EXPECT_EQ(toString(scaleFromKeySignature(7, false)), "C# major");
  EXPECT_EQ(toString(scaleFromKeySignature(-7, false)), "Cb major");
  EXPECT_EQ(toString(scaleFromKeySignature(-6, true)), "Eb minor");
}

}  // namespace
}  // namespace lofi::theory
