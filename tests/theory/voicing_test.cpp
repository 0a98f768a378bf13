#include "music/theory/voicing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace lofi::theory {
namespace {

ChordSymbol chord(const std::string& symbol) { return parseChordSymbol(symbol); }

std::set<int> classesOf(const std::vector<int>& notes) {
  std::set<int> classes;
  for (int note : notes) classes.insert(pitchClassOf(note));
  return classes;
}

std::set<int> classesAbove(const std::string& symbol, const std::vector<int>& tones) {
  std::set<int> classes;
  for (int tone : tones) classes.insert(pitchClassOf(rootPitchClass(chord(symbol)) + tone));
  return classes;
}

TEST(Voicing, TonesKeepTheThirdAndSeventhFirst) {
  EXPECT_EQ(voicingTones(chord("C13"), VoicingStyle::Close, 4), (std::vector<int>{4, 10, 0, 9}));
  EXPECT_EQ(voicingTones(chord("C13"), VoicingStyle::Rootless, 4), (std::vector<int>{4, 10, 9, 2}));
  EXPECT_EQ(voicingTones(chord("C7"), VoicingStyle::Rootless, 4), (std::vector<int>{4, 10, 2, 7}));
  EXPECT_EQ(voicingTones(chord("C7#9"), VoicingStyle::Close, 4), (std::vector<int>{4, 10, 0, 3}));
  EXPECT_EQ(voicingTones(chord("C"), VoicingStyle::Close, 4), (std::vector<int>{4, 0, 7}));
  EXPECT_EQ(voicingTones(chord("Cm7b5"), VoicingStyle::Close, 4), (std::vector<int>{3, 10, 0, 6}));
  EXPECT_EQ(voicingTones(chord("C6/9"), VoicingStyle::Close, 4), (std::vector<int>{4, 9, 0, 2}));
  EXPECT_EQ(voicingTones(chord("Csus2"), VoicingStyle::Rootless, 4), (std::vector<int>{2, 7}));
  EXPECT_EQ(voicingTones(chord("Cmaj9"), VoicingStyle::Close, 5), (std::vector<int>{4, 11, 0, 2, 7}));
  EXPECT_EQ(voicingTones(chord("Cmaj9"), VoicingStyle::Close, 3), (std::vector<int>{4, 11, 0}));
}

TEST(Voicing, CloseVoicingsSitWithinAnOctaveInTheRegister) {
  for (const std::string symbol : {"Cmaj7", "F#m7", "Bb7", "Ebdim7", "Abmaj9#11", "G13", "C", "Dm"}) {
    const auto notes = voiceChord(chord(symbol));
    ASSERT_FALSE(notes.empty()) << symbol;
    EXPECT_TRUE(std::is_sorted(notes.begin(), notes.end())) << symbol;
    EXPECT_LT(notes.back() - notes.front(), 12) << symbol;
    EXPECT_GE(notes.front(), 48) << symbol;
    EXPECT_LE(notes.back(), 81) << symbol;
    EXPECT_EQ(classesOf(notes), classesAbove(symbol, voicingTones(chord(symbol), VoicingStyle::Close, 4))) << symbol;
  }
  // Nearest the middle of 48-81: Cmaj7 from E4 (64 67 71 72) would be as near as C4 E4 G4 B4.
  const auto cmaj7 = voiceChord(chord("Cmaj7"));
  EXPECT_EQ(cmaj7.size(), 4u);
  EXPECT_NEAR((cmaj7[0] + cmaj7[1] + cmaj7[2] + cmaj7[3]) / 4.0, 64.5, 3.0);
}

TEST(Voicing, DropTwoLowersTheSecondVoiceFromTheTop) {
  VoicingOptions options;
  options.style = VoicingStyle::Drop2;
  for (const std::string symbol : {"Cmaj7", "Dm7", "G7", "Bm7b5", "C", "Am"}) {
    const auto notes = voiceLead(chord(symbol), std::vector<int>{}, options);
    ASSERT_EQ(notes.size(), 4u) << symbol;
    // Raising the lowest voice an octave gives back a close voicing (a
    // triad's doubled tone makes it span the octave exactly).
    std::vector<int> close = notes;
    close[0] += 12;
    std::sort(close.begin(), close.end());
    EXPECT_LE(close.back() - close.front(), 12) << symbol;
    EXPECT_GE(notes.back() - notes.front(), 12) << symbol;
    EXPECT_GE(notes.front(), options.lowest) << symbol;
  }
  // A triad doubles its root or fifth, never its third.
  const auto triad = voiceChord(chord("C"), options);
  EXPECT_EQ(std::count_if(triad.begin(), triad.end(), [](int n) { return pitchClassOf(n) == 4; }), 1);
}

TEST(Voicing, RootlessVoicingsLeaveOutTheRoot) {
  VoicingOptions options;
  options.style = VoicingStyle::Rootless;
  const auto c7 = voiceChord(chord("C7"), options);
  EXPECT_EQ(classesOf(c7), (std::set<int>{4, 10, 2, 7}));
  const auto dm9 = voiceChord(chord("Dm9"), options);
  EXPECT_EQ(classesOf(dm9).count(2), 0u);
  EXPECT_EQ(classesOf(dm9).count(5), 1u);  // the third
  EXPECT_EQ(classesOf(dm9).count(0), 1u);  // the seventh
}

TEST(Voicing, SlashChordsPutTheirBassLowest) {
  const auto notes = voiceChord(chord("C/E"));
  EXPECT_EQ(pitchClassOf(notes.front()), 4);
  EXPECT_LT(notes[0], notes[1]);
  const auto am7OverG = voiceChord(chord("Am7/G"));
  EXPECT_EQ(pitchClassOf(am7OverG.front()), 7);
}

TEST(Voicing, BassInItsOwnRegister) {
  VoicingOptions options;
  options.withBass = true;
  for (const std::string symbol : {"C", "Dm7", "G7/B", "F#m7b5", "Bbmaj7/D"}) {
    const auto notes = voiceChord(chord(symbol), options);
    EXPECT_GE(notes[0], options.bassLowest) << symbol;
    EXPECT_LE(notes[0], options.bassHighest) << symbol;
    EXPECT_EQ(pitchClassOf(notes[0]), bassPitchClass(chord(symbol))) << symbol;
    EXPECT_GE(notes[1], options.lowest) << symbol;
  }
}

TEST(Voicing, VoiceLeadingMovesAsLittleAsPossible) {
  // ii-V-I in close position: each change moves two voices by a step.
  const std::vector<ChordSymbol> progression = {chord("Dm7"), chord("G7"), chord("Cmaj7")};
  const auto voicings = voiceProgression(progression);
  ASSERT_EQ(voicings.size(), 3u);
  EXPECT_EQ(voiceMovement(voicings[0], voicings[1]), 3);
  EXPECT_EQ(voiceMovement(voicings[1], voicings[2]), 3);

  // Common tones stay put: C E G to A minor keeps the C and the E.
  const std::vector<int> cMajor = {60, 64, 67};
  const auto aMinor = voiceLead(chord("Am"), cMajor);
  EXPECT_EQ(aMinor, (std::vector<int>{60, 64, 69}));
}

TEST(Voicing, VoiceLeadingBeatsEveryOtherPlacement) {
  const std::vector<int> previous = voiceChord(chord("Fmaj7"));
  const auto led = voiceLead(chord("E7"), previous);
  const int best = voiceMovement(previous, led);
  // Every close voicing of E7 in the register, by brute force.
  const auto tones = voicingTones(chord("E7"), VoicingStyle::Close, 4);
  for (int low = 48; low <= 81; ++low) {
    for (std::size_t first = 0; first < tones.size(); ++first) {
      std::vector<int> candidate;
      int note = low;
      for (std::size_t i = 0; i < tones.size(); ++i) {
        const int pitch = pitchClassOf(4 + tones[(first + i) % tones.size()]);
        note = candidate.empty() ? low : note + pitchClassOf(pitch - note - 1) + 1;
        candidate.push_back(note);
      }
      if (pitchClassOf(candidate[0]) != pitchClassOf(4 + tones[first]) || candidate.back() > 81) continue;
      EXPECT_LE(best, voiceMovement(previous, candidate));
    }
  }
}

TEST(Voicing, ProgressionsStayInTheRegister) {
  VoicingOptions options;
  for (VoicingStyle style : {VoicingStyle::Close, VoicingStyle::Drop2, VoicingStyle::Rootless}) {
    options.style = style;
    std::vector<ChordSymbol> chords;
    for (int root = 0; root < 24; ++root)  // round the circle of fifths twice
      chords.push_back(chord(toString(spell(root * 7)) + (root % 2 ? "7" : "m9")));
    for (const auto& notes : voiceProgression(chords, options)) {
      EXPECT_GE(notes.front(), options.lowest);
      EXPECT_LE(notes.back(), options.highest);
    }
  }
}

TEST(Voicing, MovementPairsVoicesInOrder) {
  EXPECT_EQ(voiceMovement(std::vector<int>{60, 64, 67}, std::vector<int>{60, 65, 69}), 3);
  EXPECT_EQ(voiceMovement(std::vector<int>{67, 60, 64}, std::vector<int>{69, 65, 60}), 3);
  EXPECT_EQ(voiceMovement(std::vector<int>{60, 64, 67}, std::vector<int>{60, 64, 67, 72}), 5);
  EXPECT_EQ(voiceMovement(std::vector<int>{60, 64, 67, 72}, std::vector<int>{60, 64, 67}), 5);
  EXPECT_EQ(voiceMovement(std::vector<int>{}, std::vector<int>{60}), 0);
}

TEST(Voicing, ImpossibleOptionsAreRefused) {
  VoicingOptions narrow;
  narrow.lowest = 60;
  narrow.highest = 65;
  EXPECT_THROW(voiceChord(chord("C"), narrow), std::invalid_argument);
  VoicingOptions tooMany;
  tooMany.maxVoices = 12;
  EXPECT_THROW(voiceChord(chord("C"), tooMany), std::invalid_argument);
  VoicingOptions offTheKeyboard;
  offTheKeyboard.highest = 140;
  EXPECT_THROW(voiceChord(chord("C"), offTheKeyboard), std::invalid_argument);
}

}  // namespace
}  // namespace lofi::theory
