#include "music/composer/key_choice.h"

#include <gtest/gtest.h>

#include <set>

namespace lofi::composer {
namespace {

TEST(KeyChoice, EveryTonicInBothModes) {
  for (bool minor : {false, true}) {
    SeededRandom random(minor ? 2 : 1);
    std::set<int> tonics;
    for (int i = 0; i < 400; ++i) {
      const theory::Scale key = chooseKey(random, minor);
      EXPECT_EQ(key.mode, minor ? theory::Mode::NaturalMinor : theory::Mode::Major);
      tonics.insert(theory::pitchClass(key.tonic));
    }
    EXPECT_EQ(tonics.size(), 12u) << (minor ? "minor" : "major");
  }
}

TEST(KeyChoice, SignatureMatchesTheKey) {
  EXPECT_EQ(keySignatureOf(theory::parseScale("C major")), (KeySignature{0, 0, false}));
  EXPECT_EQ(keySignatureOf(theory::parseScale("A minor")), (KeySignature{0, 0, true}));
  EXPECT_EQ(keySignatureOf(theory::parseScale("Eb major")), (KeySignature{0, -3, false}));
  EXPECT_EQ(keySignatureOf(theory::parseScale("F# minor")), (KeySignature{0, 3, true}));
  EXPECT_EQ(keySignatureOf(theory::parseScale("G# minor")), (KeySignature{0, 5, true}));
  EXPECT_EQ(keySignatureOf(theory::parseScale("Db major")), (KeySignature{0, -5, false}));
  // Every signature the composer uses names its key back.
  for (bool minor : {false, true})
    for (int sharps = -6; sharps <= 6; ++sharps) {
      const theory::Scale key = theory::scaleFromKeySignature(sharps, minor);
      EXPECT_EQ(keySignatureOf(key).sharps, sharps) << theory::toString(key);
    }
  EXPECT_THROW(keySignatureOf(theory::parseScale("D dorian")), std::invalid_argument);
}

TEST(KeyChoice, LabelNamesTheKey) {
  EXPECT_EQ(keyLabel(theory::parseScale("F minor")), "key: F minor");
  EXPECT_EQ(keyLabel(theory::parseScale("Bb major")), "key: Bb major");
}

}  // namespace
}  // namespace lofi::composer
