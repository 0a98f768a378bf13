#include "music/composer/comping.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "music/composer/melody_pitch.h"
#include "music/theory/roman_numeral.h"
#include "music/theory/voicing.h"

namespace lofi::composer {
namespace {

// A known loop, one chord per bar.
Harmony harmonyFor(const char* progression, const char* key, int bars) {
  Harmony harmony;
  harmony.key = theory::parseScale(key);
  harmony.bars = bars;
  const auto chords = theory::parseRomanProgression(progression, harmony.key);
  for (int bar = 0; bar < bars; ++bar)
    harmony.changes.push_back(
        {bar * kStepsPerBar, (bar + 1) * kStepsPerBar, chords[static_cast<std::size_t>(bar) % chords.size()]});
  return harmony;
}

std::map<int, std::set<int>> onsetsAndPitches(const std::vector<StepNote>& notes) {
  std::map<int, std::set<int>> byOnset;
  for (const StepNote& note : notes) byOnset[note.startStep].insert(note.pitch);
  return byOnset;
}

TEST(Comping, VoicingsMoveSmoothly) {
  const Harmony harmony = harmonyFor("ii9 V13 Imaj9 vi9", "C major", 4);
  CompingOptions options;
  const auto voicings = voiceHarmony(harmony, options);
  ASSERT_EQ(voicings.size(), 4u);
  for (std::size_t i = 0; i < voicings.size(); ++i) {
    EXPECT_EQ(voicings[i].size(), 4u);
    for (int pitch : voicings[i]) {
      EXPECT_GE(pitch, options.lowest);
      EXPECT_LE(pitch, options.highest);
      EXPECT_TRUE(holds(theory::pitchClasses(harmony.changes[i].chord), pitch));
    }
    // Voice leading: no voice moves far, the whole chord moves little.
    if (i > 0) {
      EXPECT_LE(theory::voiceMovement(voicings[i - 1], voicings[i]), 10);
    }
  }
}

TEST(Comping, ChromaticRootsAreVoicedWithoutRootFromTheKey) {
  const Harmony harmony = harmonyFor("IVmaj7 iii7 ii7 bII7#11", "C major", 4);
  const auto voicings = voiceHarmony(harmony, {});
  ASSERT_EQ(voicings[3].size(), 3u);
  for (int pitch : voicings[3]) EXPECT_TRUE(theory::contains(theory::parseScale("C major"), pitch % 12)) << pitch;
}

TEST(Comping, HeldPadsHoldEachChordForItsBar) {
  const Harmony harmony = harmonyFor("Imaj7 vi7 ii7 V7", "F major", 4);
  CompingOptions options;
  options.style = CompingStyle::HeldPads;
  SeededRandom random(1);
  const auto notes = compChords(harmony, options, random);
  ASSERT_EQ(notes.size(), 16u);
  for (const StepNote& note : notes) {
    EXPECT_EQ(note.startStep % kStepsPerBar, 0);
    EXPECT_EQ(note.endStep - note.startStep, kStepsPerBar);
  }
}

TEST(Comping, ArpeggioClimbsInSixteenthsIntoABlockChord) {
  const Harmony harmony = harmonyFor("Imaj7 IVmaj7", "D major", 2);
  CompingOptions options;
  options.style = CompingStyle::ArpeggioIntoBlock;
  SeededRandom random(1);
  const auto byOnset = onsetsAndPitches(compChords(harmony, options, random));
  for (int bar = 0; bar < 2; ++bar) {
    const int start = bar * kStepsPerBar;
    for (int step = 0; step < 8; ++step) EXPECT_EQ(byOnset.at(start + step).size(), 1u) << "step " << step;
    EXPECT_EQ(byOnset.at(start + 8).size(), 4u);  // the block chord on beat 3
    EXPECT_FALSE(byOnset.count(start + 9));
    EXPECT_LT(*byOnset.at(start).begin(), *byOnset.at(start + 3).begin());  // the figure climbs
  }
}

TEST(Comping, SwungEighthsStabOnTheBeatAndTheSwungOffBeat) {
  const Harmony harmony = harmonyFor("ii7 V7 Imaj7 Imaj7", "Bb major", 4);
  for (int pattern = 0; pattern < 5; ++pattern) {
    CompingOptions options;
    options.style = CompingStyle::SwungEighths;
    options.swing = true;
    options.pattern = pattern;
    SeededRandom random(1);
    const auto notes = compChords(harmony, options, random);
    std::set<int> onsets;
    for (const StepNote& note : notes) {
      EXPECT_EQ(note.startStep % 2, 0);  // eighth notes only
      EXPECT_LE(note.endStep - note.startStep, 6);  // stabs, not pads
      onsets.insert(note.startStep % kStepsPerBar);
    }
    EXPECT_TRUE(onsets.count(0));
    EXPECT_TRUE(std::any_of(onsets.begin(), onsets.end(), [](int step) { return step % 4 == 2; }))
        << "no off-beat stab in pattern " << pattern;
  }
}

TEST(Comping, AnticipationsPushEachNewChordAnEighthEarly) {
  const Harmony harmony = harmonyFor("i7 iv7 bVImaj7 v7", "E minor", 4);
  CompingOptions options;
  options.style = CompingStyle::Anticipations;
  SeededRandom random(1);
  const auto byOnset = onsetsAndPitches(compChords(harmony, options, random));
  EXPECT_TRUE(byOnset.count(0));
  for (int bar = 1; bar < 4; ++bar) {
    EXPECT_TRUE(byOnset.count(bar * kStepsPerBar - 2)) << "bar " << bar;
    EXPECT_FALSE(byOnset.count(bar * kStepsPerBar));
  }
}

TEST(Comping, NoPitchSoundsTwiceAtOnce) {
  const Harmony harmony = harmonyFor("Imaj9 vi9 ii9 V13", "G major", 4);
  for (CompingStyle style : {CompingStyle::ArpeggioIntoBlock, CompingStyle::HeldPads, CompingStyle::Anticipations,
                             CompingStyle::SwungEighths})
    for (int pattern = 0; pattern < 3; ++pattern) {
      CompingOptions options;
      options.style = style;
      options.pattern = pattern;
      options.swing = style == CompingStyle::SwungEighths;
      SeededRandom random(2);
      const auto notes = compChords(harmony, options, random);
      for (std::size_t i = 0; i < notes.size(); ++i)
        for (std::size_t j = i + 1; j < notes.size(); ++j)
          if (notes[i].pitch == notes[j].pitch) {
            EXPECT_FALSE(notes[j].startStep < notes[i].endStep && notes[i].startStep < notes[j].endStep)
                << compingStyleName(style) << " pitch " << notes[i].pitch;
          }
    }
}

}  // namespace
}  // namespace lofi::composer
