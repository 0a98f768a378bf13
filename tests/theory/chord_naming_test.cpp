#include "music/theory/chord_naming.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lofi::theory {
namespace {

// MIDI notes of `symbol` in close position from its root in octave 4 (or the bass first for a slash chord).
std::vector<int> notesOf(const std::string& symbol, int inversion = 0) {
  const ChordSymbol chord = parseChordSymbol(symbol);
  std::vector<int> notes;
  const int root = 60 + rootPitchClass(chord);
  for (const ChordTone& tone : chordTones(chord)) notes.push_back(root + tone.semitones);
  for (int i = 0; i < inversion; ++i) notes[static_cast<std::size_t>(i)] += 12;
  return notes;
}

std::string nameOf(const std::vector<int>& notes, const NamingOptions& options = {}) {
  const auto chord = nameChord(notes, options);
  return chord ? toString(*chord) : "(none)";
}

PitchClassWeights weightsOf(std::initializer_list<std::pair<int, double>> entries) {
  PitchClassWeights weights{};
  for (const auto& [pitch, weight] : entries) weights[static_cast<std::size_t>(pitch)] = weight;
  return weights;
}

TEST(ChordNaming, TriadsInRootPositionInEveryKey) {
  for (int root = 0; root < 12; ++root) {
    const std::string name = toString(spell(root));
    for (const std::string quality : {"", "m", "dim", "aug"}) {
      const std::string symbol = name + quality;
      EXPECT_EQ(nameOf(notesOf(symbol)), symbol);
    }
  }
}

TEST(ChordNaming, InvertedTriadsKeepTheirRootAndNameTheBass) {
  EXPECT_EQ(nameOf(notesOf("C", 1)), "C/E");
  EXPECT_EQ(nameOf(notesOf("C", 2)), "C/G");
  EXPECT_EQ(nameOf(notesOf("Am", 1)), "Am/C");
  EXPECT_EQ(nameOf(notesOf("F#m", 2)), "F#m/C#");
  NamingOptions noSlash;
  noSlash.slashBass = false;
  EXPECT_EQ(nameOf(notesOf("C", 1), noSlash), "C");
  EXPECT_EQ(nameOf(notesOf("Ebm", 2), noSlash), "Ebm");
}

TEST(ChordNaming, SeventhChordsInEveryKey) {
  for (int root = 0; root < 12; ++root) {
    const std::string name = toString(spell(root));
    for (const std::string quality : {"7", "maj7", "m7", "m7b5", "dim7", "mMaj7", "6", "m6", "7sus4"}) {
      const std::string symbol = name + quality;
      EXPECT_EQ(nameOf(notesOf(symbol)), symbol);
    }
  }
}

TEST(ChordNaming, InvertedSeventhsWithoutSlash) {
  NamingOptions noSlash;
  noSlash.slashBass = false;
  EXPECT_EQ(nameOf(notesOf("G7", 1), noSlash), "G7");
  EXPECT_EQ(nameOf(notesOf("Dm7", 2), noSlash), "Dm7");
  EXPECT_EQ(nameOf(notesOf("Bbmaj7", 1), noSlash), "Bbmaj7");
  EXPECT_EQ(nameOf(notesOf("Bm7b5", 2), noSlash), "Bm7b5");
  // D F A B over D is a D minor sixth, whatever it was meant as.
  EXPECT_EQ(nameOf(notesOf("Bm7b5", 1), noSlash), "Dm6");
}

TEST(ChordNaming, TheBassDecidesBetweenChordsOfTheSameNotes) {
  EXPECT_EQ(nameOf({48, 64, 67, 69}), "C6");   // C E G A over C
  EXPECT_EQ(nameOf({45, 60, 64, 67}), "Am7");  // the same notes over A
  EXPECT_EQ(nameOf({48, 63, 66, 69}), "Cdim7");
  EXPECT_EQ(nameOf({51, 60, 66, 69}), "Ebdim7");
  EXPECT_EQ(nameOf({48, 65, 67}), "Csus4");
  EXPECT_EQ(nameOf({53, 60, 67}), "Fsus2");
}

TEST(ChordNaming, TwoNotesImplyATriadOrAPowerChord) {
  EXPECT_EQ(nameOf({60, 64}), "C");
  EXPECT_EQ(nameOf({57, 60}), "Am");
  EXPECT_EQ(nameOf({48, 55}), "C5");
}

TEST(ChordNaming, NothingToNameGivesNothing) {
  EXPECT_FALSE(nameChord(std::vector<int>{}));
  EXPECT_FALSE(nameChord(std::vector<int>{60}));
  EXPECT_FALSE(nameChord(std::vector<int>{60, 72}));      // one pitch class
  EXPECT_FALSE(nameChord(std::vector<int>{60, 61, 62, 63, 64}));  // a cluster
  EXPECT_FALSE(nameChord(PitchClassWeights{}, std::nullopt));
}

TEST(ChordNaming, LightPassingTonesDoNotChangeTheChord) {
  // C E G held, D and F brushed past.
  const auto weights = weightsOf({{0, 4.0}, {4, 4.0}, {7, 4.0}, {2, 0.5}, {5, 0.5}});
  const auto chord = nameChord(weights, 0);
  ASSERT_TRUE(chord);
  EXPECT_EQ(toString(*chord), "C");
}

TEST(ChordNaming, ExtendedChordsWhenTheVocabularyAllowsThem) {
  const std::vector<int> cmaj9 = {48, 64, 67, 71, 74};
  EXPECT_EQ(nameOf(cmaj9), "Cmaj9");
  NamingOptions sevenths;
  sevenths.vocabulary = ChordVocabulary::Sevenths;
  EXPECT_EQ(nameOf(cmaj9, sevenths), "Cmaj7");
  NamingOptions triads;
  triads.vocabulary = ChordVocabulary::Triads;
  EXPECT_EQ(nameOf({48, 64, 67, 70}, triads), "C");
  EXPECT_EQ(nameOf({50, 65, 69, 72, 76}), "Dm9");
  EXPECT_EQ(nameOf({43, 59, 64, 65, 69}), "G13");
}

TEST(ChordNaming, SpellingFollowsTheOptions) {
  NamingOptions sharps;
  sharps.spelling = Spelling::Sharps;
  EXPECT_EQ(nameOf({58, 62, 65}, sharps), "A#");
  NamingOptions flats;
  flats.spelling = Spelling::Flats;
  EXPECT_EQ(nameOf({54, 58, 61}, flats), "Gb");
  EXPECT_EQ(nameOf({54, 58, 61}), "F#");
}

TEST(ChordNaming, RankedCandidatesComeBestFirstWithSoundingRoots) {
  const auto weights = weightsOf({{0, 1.0}, {4, 1.0}, {7, 1.0}, {9, 1.0}});
  const auto ranked = rankChords(weights, 9, 5);
  ASSERT_EQ(ranked.size(), 5u);
  EXPECT_EQ(toString(ranked[0].chord), "Am7");
  for (std::size_t i = 1; i < ranked.size(); ++i) EXPECT_GE(ranked[i - 1].score, ranked[i].score);
  for (const auto& candidate : ranked)
    EXPECT_GT(weights[static_cast<std::size_t>(rootPitchClass(candidate.chord))], 0.0);
  EXPECT_TRUE(rankChords(PitchClassWeights{}, std::nullopt, 3).empty());
}

}  // namespace
}  // namespace lofi::theory
