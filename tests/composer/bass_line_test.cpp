#include "music/composer/bass_line.h"

#include <gtest/gtest.h>

#include "music/theory/roman_numeral.h"

namespace lofi::composer {
namespace {

Harmony loop(const char* progression, const char* key, int bars, int beatsPerChord = 4) {
  Harmony harmony;
  harmony.key = theory::parseScale(key);
  harmony.bars = bars;
  const auto chords = theory::parseRomanProgression(progression, harmony.key);
  const int length = beatsPerChord * kStepsPerBeat;
  for (int start = 0, i = 0; start < bars * kStepsPerBar; start += length, ++i)
    harmony.changes.push_back({start, start + length, chords[static_cast<std::size_t>(i) % chords.size()]});
  return harmony;
}

TEST(BassLine, EveryChangeStartsOnItsRootInTheLowRegister) {
  for (BassStyle style : {BassStyle::Sustained, BassStyle::HipHop, BassStyle::Walking}) {
    for (int beats : {4, 2}) {
      const Harmony harmony = loop("ii7 V7 Imaj7 vi7", "Eb major", 8, beats);
      BassOptions options;
      options.style = style;
      options.swing = style == BassStyle::Walking;
      for (int pattern = 0; pattern < 4; ++pattern) {
        options.pattern = pattern;
        SeededRandom random(static_cast<std::uint64_t>(pattern));
        const auto notes = composeBass(harmony, options, random);
        for (const ChordChange& change : harmony.changes) {
          const auto onChange = std::find_if(notes.begin(), notes.end(),
                                             [&](const StepNote& n) { return n.startStep == change.startStep; });
          ASSERT_NE(onChange, notes.end()) << bassStyleName(style) << ": nothing at step " << change.startStep;
          EXPECT_EQ(theory::pitchClassOf(onChange->pitch), theory::rootPitchClass(change.chord));
        }
        for (std::size_t i = 0; i < notes.size(); ++i) {
          EXPECT_GE(notes[i].pitch, options.lowest);
          EXPECT_LE(notes[i].pitch, options.highest);
          if (i > 0) {
            EXPECT_GE(notes[i].startStep, notes[i - 1].endStep);  // one string at a time
          }
        }
        EXPECT_EQ(notes.back().endStep, 8 * kStepsPerBar);
      }
    }
  }
}

TEST(BassLine, WalkingPlaysQuarterNotesAndApproachesTheNextRoot) {
  const Harmony harmony = loop("ii7 V7 Imaj7 vi7", "C major", 4);
  BassOptions options;
  options.style = BassStyle::Walking;
  options.swing = true;
  SeededRandom random(5);
  const auto notes = composeBass(harmony, options, random);
  ASSERT_EQ(notes.size(), 13u);  // 4 beats in each of 3 bars, then the last root held
  for (std::size_t i = 0; i + 1 < notes.size(); ++i) {
    EXPECT_EQ(notes[i].endStep - notes[i].startStep, kStepsPerBeat);
    // The fourth beat sits a step (one or two semitones) from the root that follows.
    if (i % 4 == 3) {
      EXPECT_LE(std::abs(notes[i + 1].pitch - notes[i].pitch), 2) << i;
    }
  }
}

TEST(BassLine, HipHopFiguresSyncopate) {
  const Harmony harmony = loop("i7 iv7", "A minor", 4);
  BassOptions options;
  options.style = BassStyle::HipHop;
  int offBeats = 0;
  for (int pattern = 0; pattern < 4; ++pattern) {
    options.pattern = pattern;
    SeededRandom random(1);
    for (const StepNote& note : composeBass(harmony, options, random)) offBeats += note.startStep % kStepsPerBeat != 0;
  }
  EXPECT_GT(offBeats, 8);
}

}  // namespace
}  // namespace lofi::composer
