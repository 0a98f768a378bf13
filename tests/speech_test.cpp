// Spoken quotes: espeak-ng into a buffer, the radio chain, and the quotes' data.
#include <gtest/gtest.h>

#include "audio/audio_file.h"
#include "audio/levels.h"
#include "audio/speech/quotes.h"
#include "audio_analysis.h"

namespace lofi {
namespace {

TEST(Speech, SpeaksTextIntoABuffer) {
  const AudioBuffer voice = speak("The rain has stopped.");
  EXPECT_EQ(voice.channels, 1);
  EXPECT_EQ(voice.sampleRate, 22050);
  EXPECT_GT(voice.seconds(), 0.6);
  EXPECT_LT(voice.seconds(), 4.0);
  EXPECT_GT(peakDbfs(voice), -20.0);
}

TEST(Speech, LongerTextTakesLonger) {
  EXPECT_GT(speak("One two three four five six seven eight nine ten.").seconds(), speak("One.").seconds() + 1.5);
}

TEST(Speech, RefusesEmptyAndOverlongText) {
  EXPECT_THROW(speak(""), SpeechError);
  EXPECT_THROW(speak(" \t\n "), SpeechError);
  try {
    speak(std::string(kMaxSpokenCharacters + 1, 'a'));
    FAIL();
  } catch (const SpeechError& error) {
    EXPECT_NE(std::string(error.what()).find(std::to_string(kMaxSpokenCharacters)), std::string::npos);
  }
  EXPECT_NO_THROW(speak(std::string(kMaxSpokenCharacters / 5, 'a') + "."));
}

TEST(Speech, UnknownVoiceIsAClearError) {
  SpeechOptions options;
  options.voice = "no-such-voice";
  try {
    speak("hello", options);
    FAIL();
  } catch (const SpeechError& error) {
    EXPECT_NE(std::string(error.what()).find("no-such-voice"), std::string::npos);
  }
}

TEST(Speech, ControlCharactersAreNotCommands) {
  // espeak-ng reads some control sequences as commands; they are spoken as spaces.
  EXPECT_GT(speak(std::string("hello\x01 there\x1b[0m")).seconds(), 0.3);
}

TEST(RadioVoice, BandLimitsTheVoiceOverAQuietNoiseBed) {
  const AudioBuffer dry = speak("Adopt the pace of nature: her secret is patience.");
  const AudioBuffer radio = radioVoice(dry);
  const RadioVoiceOptions defaults;
  EXPECT_NEAR(radio.seconds(), dry.seconds() + 2 * defaults.padSeconds, 0.01);
  EXPECT_LE(peakDbfs(radio), -0.3);
  EXPECT_NEAR(integratedLoudness(radio), defaults.targetLufs, 1.5);
  const auto& s = radio.samples;
  const double voiceBand = test::meanSquare(test::band(s, radio.sampleRate, 300, 3400));
  EXPECT_LT(test::meanSquare(test::band(s, radio.sampleRate, 5000, 10000)), 0.05 * voiceBand);
  EXPECT_LT(test::meanSquare(test::band(s, radio.sampleRate, 20, 150)), 0.05 * voiceBand);
  // The dry voice has more of its energy outside the band than the radio does.
  const auto& d = dry.samples;
  EXPECT_GT(test::meanSquare(test::band(d, dry.sampleRate, 5000, 10000)) / test::meanSquare(test::band(d, dry.sampleRate, 300, 3400)),
            test::meanSquare(test::band(s, radio.sampleRate, 5000, 10000)) / voiceBand);
  // Before the words: radio noise, not digital silence, and well under the voice.
  const double lead = test::powerDb(test::meanSquare(s, radio.sampleRate / 20, radio.sampleRate / 4));
  EXPECT_GT(lead, -75.0);
  EXPECT_LT(lead, test::powerDb(test::meanSquare(s)) - 24.0);
}

TEST(Quotes, TheBundledQuotesAreAtLeastSixWithAuthors) {
  const auto quotes = readQuotes(std::string(LOFI_SOURCE_DIR) + "/data/quotes.json");
  ASSERT_GE(quotes.size(), 6u);
  for (const Quote& quote : quotes) {
    EXPECT_FALSE(quote.author.empty()) << quote.id;
    EXPECT_LE(quote.text.size(), kMaxSpokenCharacters) << quote.id;
  }
}

TEST(Quotes, BadDataNamesTheEntryAndField) {
  auto messageOf = [](const std::string& json) {
    try {
      parseQuotes(json, "q.json");
    } catch (const std::runtime_error& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(messageOf(R"([{"id":"a","text":"t","author":"x","source":"s"},{"id":"b","text":"t","source":"s"}])")
                .find("quote 1: \"author\""),
            std::string::npos);
  EXPECT_NE(messageOf(R"([{"id":"a b","text":"t","author":"x","source":"s"}])").find("\"id\""), std::string::npos);
  EXPECT_NE(messageOf(R"([{"id":"a","text":"t","author":"x","source":"s"},{"id":"a","text":"t","author":"x","source":"s"}])")
                .find("twice"),
            std::string::npos);
  EXPECT_NE(messageOf("{").find("q.json: invalid JSON"), std::string::npos);
  EXPECT_NE(messageOf("{}").find("list"), std::string::npos);
}

TEST(Quotes, AnyTextComesOutAsOggForTheServer) {
  const auto bytes = speakQuoteOgg("Rainy sunday, a bit sad.");
  const AudioBuffer decoded = decodeAudio(bytes, "quote.ogg");
  EXPECT_GT(decoded.seconds(), 1.0);
  EXPECT_LE(peakDbfs(decoded), -0.3);
  EXPECT_THROW(speakQuoteOgg(std::string(1000, 'x')), SpeechError);
}

}  // namespace
}  // namespace lofi
