#include "music/composer/melody.h"

#include <gtest/gtest.h>

#include <set>

#include "music/composer/melody_pitch.h"

namespace lofi::composer {
namespace {

struct Written {
  Harmony harmony;
  Melody melody;
  MelodyOptions options;
};

Written writeMelody(std::uint64_t seed, int bars, bool swing, bool minor = false) {
  SeededRandom random(seed);
  Written written;
  written.harmony = composeHarmony(theory::scaleFromKeySignature(static_cast<int>(seed % 11) - 5, minor),
                                   {bars, 60, 35}, random);
  written.options.swing = swing;
  written.options.density = static_cast<int>(seed % 3);
  written.melody = composeMelody(written.harmony, written.options, random);
  return written;
}

// The onsets of one bar, relative to the bar: its rhythm.
std::vector<int> rhythmOfBar(const std::vector<StepNote>& notes, int bar) {
  std::vector<int> onsets;
  for (const StepNote& note : notes)
    if (note.startStep / kStepsPerBar == bar) onsets.push_back(note.startStep % kStepsPerBar);
  return onsets;
}

TEST(Melody, OneVoiceInRegisterOnTheGrid) {
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const bool swing = seed % 2 == 0;
    const Written written = writeMelody(seed, seed % 4 == 0 ? 16 : 8, swing, seed % 3 == 0);
    const auto& notes = written.melody.notes;
    ASSERT_FALSE(notes.empty());
    for (std::size_t i = 0; i < notes.size(); ++i) {
      EXPECT_GE(notes[i].pitch, written.options.lowest);
      EXPECT_LE(notes[i].pitch, written.options.highest);
      EXPECT_LT(notes[i].startStep, notes[i].endStep);
      EXPECT_GE(notes[i].velocity, 1);
      EXPECT_LE(notes[i].velocity, 127);
      if (i > 0) {
        EXPECT_GE(notes[i].startStep, notes[i - 1].endStep) << "overlap at step " << notes[i].startStep;
      }
      if (swing) {
        EXPECT_EQ(notes[i].startStep % 2, 0) << "a sixteenth in a swung piece";
      }
    }
    EXPECT_LE(notes.back().endStep, written.harmony.bars * kStepsPerBar);
  }
}

TEST(Melody, StrongBeatsLandOnChordTonesMostOfTheTime) {
  int strong = 0, onChord = 0;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const Written written = writeMelody(seed, 8, seed % 2 == 0, seed % 3 == 0);
    for (const StepNote& note : written.melody.notes) {
      if (!isStrongStep(note.startStep)) continue;
      ++strong;
      onChord += holds(theory::pitchClasses(written.harmony.at(note.startStep).chord), note.pitch);
    }
  }
  // Appoggiaturas (at most one strong note in ten) lean off the chord on purpose.
  EXPECT_GT(onChord, strong * 9 / 10 - 1);
  EXPECT_LT(onChord, strong);
}

TEST(Melody, EndsHomeOnTheLastBar) {
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    const Written written = writeMelody(seed, seed % 2 ? 8 : 16, seed % 2 == 0, seed % 3 == 0);
    const StepNote& last = written.melody.notes.back();
    const int totalSteps = written.harmony.bars * kStepsPerBar;
    EXPECT_EQ(last.endStep, totalSteps);               // the last note rings to the end
    EXPECT_GE(last.startStep, totalSteps - kStepsPerBar);
    const theory::ChordSymbol& chord = written.harmony.at(last.startStep).chord;
    const int tonic = theory::pitchClass(written.harmony.key.tonic);
    const int home = holds(stableTones(chord), tonic) ? tonic : theory::rootPitchClass(chord);
    EXPECT_EQ(theory::pitchClassOf(last.pitch), home);
  }
}

TEST(Melody, PhrasesEndOnAHeldNoteAndTheLineRests) {
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    const Written written = writeMelody(seed, 16, seed % 2 == 0);
    // Bars 4, 8, 12 and 16 close their phrases with a note held for a beat or more.
    for (int phraseEnd = 3; phraseEnd < 16; phraseEnd += 4) {
      bool held = false;
      for (const StepNote& note : written.melody.notes)
        held = held || (note.startStep / kStepsPerBar == phraseEnd && note.endStep - note.startStep >= kStepsPerBeat);
      EXPECT_TRUE(held) << "seed " << seed << ", bar " << phraseEnd + 1;
    }
    int sounding = 0;
    for (const StepNote& note : written.melody.notes) sounding += note.endStep - note.startStep;
    EXPECT_LT(sounding, 16 * kStepsPerBar * 95 / 100) << "seed " << seed << " never rests";
  }
}

TEST(Melody, MotifsRecur) {
  // The first bar's rhythm comes back (as itself or varied) within the piece:
  // a melody built from a motif, not a stream of new notes.
  int recurring = 0;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const Written written = writeMelody(seed, 8, seed % 2 == 0);
    const std::vector<int> first = rhythmOfBar(written.melody.notes, 0);
    int matches = 0;
    for (int bar = 1; bar < 8; ++bar) matches += rhythmOfBar(written.melody.notes, bar) == first;
    recurring += matches >= 1;
  }
  EXPECT_GE(recurring, 95);
}

TEST(Melody, SecondPhraseAnswersTheFirst) {
  // 8 bars: A then A'. The first bar comes back note for note at bar 5.
  int repeated = 0;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const Written written = writeMelody(seed, 8, false);
    std::vector<int> a, b;
    for (const StepNote& note : written.melody.notes) {
      if (note.startStep < kStepsPerBar) a.push_back(note.pitch);
      if (note.startStep >= 4 * kStepsPerBar && note.startStep < 5 * kStepsPerBar) b.push_back(note.pitch);
    }
    repeated += a == b;
  }
  EXPECT_GE(repeated, 80);  // the rest differ by a pickup or a weak-beat chord tone
}

TEST(Melody, SameSeedSameMelody) {
  const Written one = writeMelody(77, 16, true);
  const Written two = writeMelody(77, 16, true);
  ASSERT_EQ(one.melody.notes.size(), two.melody.notes.size());
  for (std::size_t i = 0; i < one.melody.notes.size(); ++i) {
    EXPECT_EQ(one.melody.notes[i].pitch, two.melody.notes[i].pitch);
    EXPECT_EQ(one.melody.notes[i].startStep, two.melody.notes[i].startStep);
    EXPECT_EQ(one.melody.notes[i].velocity, two.melody.notes[i].velocity);
  }
}

}  // namespace
}  // namespace lofi::composer
