// A sentence's feeling (AFINN-165 valence, arousal) and the music it picks.
#include "music/mood/mood.h"

#include <gtest/gtest.h>

#include "music/mood/sentiment.h"

namespace {

using namespace lofi::mood;

TEST(Sentiment, LexiconIsAfinn165) {
  const SentimentLexicon& afinn = SentimentLexicon::afinn165();
  EXPECT_EQ(afinn.size(), 3382u);
  EXPECT_EQ(afinn.score("happy"), 3);
  EXPECT_EQ(afinn.score("sad"), -2);
  EXPECT_EQ(afinn.score("fed up"), -3);
  EXPECT_EQ(afinn.score("unknownword"), 0);
}

TEST(Sentiment, ValenceFollowsTheWordsWithNegationAndIntensity) {
  EXPECT_GT(readSentiment("I am happy").valence, 0.5);
  EXPECT_LT(readSentiment("I am sad").valence, -0.3);
  EXPECT_DOUBLE_EQ(readSentiment("the table is brown").valence, 0.0);
  EXPECT_GT(readSentiment("very happy").valence, readSentiment("happy").valence);
  EXPECT_LT(readSentiment("a bit sad").valence, 0);
  EXPECT_GT(readSentiment("a bit sad").valence, readSentiment("sad").valence);
  EXPECT_LT(readSentiment("not happy").valence, 0);
  EXPECT_GT(readSentiment("not bad").valence, 0);
  EXPECT_LT(readSentiment("I don't feel good").valence, 0);
  EXPECT_LT(readSentiment("I don\xE2\x80\x99t feel good").valence, 0);  // typographic apostrophe
  EXPECT_LT(readSentiment("totally fed up").valence, 0);                  // a two-word entry
  const SentimentReading reading = readSentiment("Happy, HAPPY day!");
  ASSERT_EQ(reading.rated.size(), 2u);
  EXPECT_EQ(reading.shoutedWords, 1);
  EXPECT_EQ(reading.exclamations, 1);
}

TEST(Sentiment, ArousalFollowsEnergyWordsAndPunctuation) {
  EXPECT_LT(readSentiment("a calm, quiet, rainy night").arousal, -0.3);
  EXPECT_GT(readSentiment("let's dance at the party").arousal, 0.3);
  EXPECT_GT(readSentiment("GREAT!!!").arousal, readSentiment("great").arousal);
  EXPECT_LT(readSentiment("sleepy... slow...").arousal, readSentiment("sleepy slow").arousal);
  EXPECT_GT(readSentiment("furious").arousal, readSentiment("annoyed").arousal);  // -3 against -2
}

struct MoodCase {
  const char* text;
  const char* mode;
  ValenceBand valence;
  ArousalBand arousal;
};

class MoodMapping : public testing::TestWithParam<MoodCase> {};

TEST_P(MoodMapping, ClearSentencesGetTheirMood) {
  const MoodCase& expected = GetParam();
  const SentimentReading reading = readSentiment(expected.text);
  const MoodMusic mood = moodMusic(reading.valence, reading.arousal);
  EXPECT_EQ(mood.mode, expected.mode) << expected.text;
  EXPECT_EQ(valenceBand(reading.valence), expected.valence) << expected.text << " valence " << reading.valence;
  EXPECT_EQ(arousalBand(reading.arousal), expected.arousal) << expected.text << " arousal " << reading.arousal;
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, MoodMapping,
    testing::Values(
        MoodCase{"rainy sunday, a bit sad", "minor", ValenceBand::Negative, ArousalBand::Calm},
        MoodCase{"so lonely and tired tonight, missing you", "minor", ValenceBand::Negative, ArousalBand::Calm},
        MoodCase{"I'm furious, I hate this!!", "minor", ValenceBand::Negative, ArousalBand::Lively},
        MoodCase{"so excited for the party tonight!!", "major", ValenceBand::Positive, ArousalBand::Lively},
        MoodCase{"what a wonderful, happy day! let's dance!", "major", ValenceBand::Positive, ArousalBand::Lively},
        MoodCase{"a peaceful, cozy morning with tea, feeling grateful", "major", ValenceBand::Positive, ArousalBand::Calm},
        MoodCase{"studying at the desk", "dorian", ValenceBand::Neutral, ArousalBand::Calm},
        MoodCase{"the train leaves at nine", "dorian", ValenceBand::Neutral, ArousalBand::Moderate}));

TEST(MoodMusic, SadAndCalmIsMinorSlowDarkHappyAndLivelyIsMajorFastBright) {
  const MoodMusic sad = moodMusic(-0.8, -0.8);
  const MoodMusic happy = moodMusic(0.8, 0.8);
  EXPECT_EQ(sad.mode, "minor");
  EXPECT_EQ(happy.mode, "major");
  EXPECT_LT(sad.bpm, 66);
  EXPECT_GT(happy.bpm, 90);
  EXPECT_LT(sad.temperature, happy.temperature);
  EXPECT_LT(sad.chordLowest, happy.chordLowest);  // darker voicings sit lower
  EXPECT_LT(sad.chordHighest, happy.chordHighest);
  EXPECT_EQ(sad.key, "C minor");
  EXPECT_EQ(happy.key, "D major");
  for (double v : {-1.0, -0.5, 0.0, 0.5, 1.0})
    for (double a : {-1.0, -0.5, 0.0, 0.5, 1.0}) {
      const MoodMusic mood = moodMusic(v, a);
      EXPECT_GE(mood.bpm, 60);
      EXPECT_LE(mood.bpm, 100);
      EXPECT_GE(mood.temperature, 0.6);
      EXPECT_LE(mood.temperature, 1.2);
      EXPECT_FALSE(mood.progression.empty());
    }
  // Tempo rises with energy at any valence.
  EXPECT_LT(moodMusic(0, -0.9).bpm, moodMusic(0, 0).bpm);
  EXPECT_LT(moodMusic(0, 0).bpm, moodMusic(0, 0.9).bpm);
  // Out-of-range and non-finite inputs are clamped, never a crash.
  EXPECT_EQ(moodMusic(std::nan(""), 50).mode, "dorian");
}

}  // namespace
