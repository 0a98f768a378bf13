#include "audio/fluidsynth_renderer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "music/instrument.h"
#include "audio/levels.h"
#include "audio/soundfont.h"
#include "audio_test_signals.h"
#include "shared_renderer.h"

namespace lofi {
namespace {

using testing::sharedRenderer;

#define REQUIRE_SOUNDFONT()                                                                 \
  FluidsynthRenderer* renderer = sharedRenderer();                                          \
  ASSERT_NE(renderer, nullptr) << testing::sharedRendererState().problem

Score oneNote(int pitch, std::int64_t startTick, std::int64_t lengthTicks, int microsPerQuarter, int program = 0) {
  Score score;
  score.ticksPerQuarter = 480;
  score.tempos.push_back({0, microsPerQuarter});
  Part part;
  part.program = program;
  part.notes.push_back({startTick, startTick + lengthTicks, pitch, 100, 0});
  score.parts.push_back(part);
  return score;
}

double firstSoundSeconds(const AudioBuffer& buffer, float threshold = 0.01f) {
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame)
    if (std::abs(buffer.at(frame, 0)) > threshold) return static_cast<double>(frame) / buffer.sampleRate;
  return -1;
}

TEST(FluidsynthRenderer, RendersANoteWhereTheTempoMapPutsIt) {
  REQUIRE_SOUNDFONT();
  // Beat 3 at 60 BPM (1 000 000 us per quarter) is two seconds in.
  const AudioBuffer audio = renderer->render(oneNote(60, 960, 480, 1'000'000));
  EXPECT_EQ(audio.channels, 2);
  EXPECT_NEAR(firstSoundSeconds(audio), 2.0, 0.02);
  EXPECT_GT(audio.seconds(), 3.0);   // note ends at 3 s, then its release
  EXPECT_LT(audio.seconds(), 6.5);   // release cut once silent, at most 3 s
  EXPECT_GT(peakDbfs(audio), -30.0);
}

TEST(FluidsynthRenderer, TempoChangesMoveLaterNotes) {
  REQUIRE_SOUNDFONT();
  Score score = oneNote(60, 1920, 240, 500'000);
  score.tempos.push_back({960, 250'000});  // 120 BPM for two beats (1 s), then 240 BPM: beat 4 at 1.5 s
  EXPECT_NEAR(firstSoundSeconds(renderer->render(score)), 1.5, 0.02);
}

TEST(FluidsynthRenderer, PlaysThePitchAsked) {
  REQUIRE_SOUNDFONT();
  const AudioBuffer audio = mixToMono(renderer->render(oneNote(69, 0, 960, 500'000)));
  std::vector<float> body(audio.samples.begin() + 2205, audio.samples.begin() + 2205 + 22050);
  const double a440 = test::toneMagnitude(body, 440, 44100);
  const double aSharp = test::toneMagnitude(body, 466.16, 44100);
  EXPECT_GT(gainToDb(a440) - gainToDb(aSharp), 15.0);
}

TEST(FluidsynthRenderer, InstrumentOverrideChangesTheSound) {
  REQUIRE_SOUNDFONT();
  const Score score = oneNote(48, 0, 960, 500'000, 0);
  RenderOptions bass;
  bass.program = parseInstrument("electric bass");
  const AudioBuffer piano = mixToMono(renderer->render(score));
  const AudioBuffer asBass = mixToMono(renderer->render(score, bass));
  // Same length of note, but a different spectrum: compare the share of energy in the 4th harmonic.
  auto ratio = [](const AudioBuffer& b) {
    std::vector<float> body(b.samples.begin(), b.samples.begin() + 22050);
    return gainToDb(test::toneMagnitude(body, 4 * 130.81, 44100)) - gainToDb(test::toneMagnitude(body, 130.81, 44100));
  };
  EXPECT_GT(std::abs(ratio(piano) - ratio(asBass)), 3.0);
}

TEST(FluidsynthRenderer, DrumPartsUseTheDrumKit) {
  REQUIRE_SOUNDFONT();
  Score score = oneNote(42, 0, 120, 500'000);  // closed hi-hat on the drum channel
  score.parts[0].isDrum = true;
  score.parts[0].channel = kDrumChannel;
  const AudioBuffer hat = mixToMono(renderer->render(score));
  ASSERT_GT(peakDbfs(hat), -40.0);
  // A hi-hat is mostly above 5 kHz; the piano's F#2 would be mostly below 1 kHz.
  const std::vector<float> body(hat.samples.begin(), hat.samples.begin() + 4410);
  EXPECT_GT(test::bandPower(body, 5000, 15000, 44100), test::bandPower(body, 50, 1000, 44100));
}

TEST(FluidsynthRenderer, ProgressReachesOne) {
  REQUIRE_SOUNDFONT();
  double last = 0;
  RenderOptions options;
  options.progress = [&](double fraction) {
    EXPECT_GE(fraction, last);
    last = fraction;
  };
  renderer->render(oneNote(60, 0, 480 * 8, 500'000), options);
  EXPECT_DOUBLE_EQ(last, 1.0);
}

TEST(FluidsynthRenderer, RenderNoteIsOneTrimmedNote) {
  REQUIRE_SOUNDFONT();
  const AudioBuffer note = renderer->renderNote(33, false, 40, 100, 1.0, 2.5);
  EXPECT_LE(note.seconds(), 2.5 + 0.1);
  EXPECT_GT(peakDbfs(note), -30.0);
}

TEST(Soundfont, MissingSoundfontNamesEveryPathTried) {
  try {
    findSoundfont("", {"/nonexistent/a.sf2", "/nonexistent/b.sf3"});
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("/nonexistent/a.sf2"), std::string::npos);
    EXPECT_NE(message.find("/nonexistent/b.sf3"), std::string::npos);
    EXPECT_NE(message.find("--soundfont"), std::string::npos);
  }
}

TEST(Soundfont, RequestedFileMustExist) {
  EXPECT_THROW(findSoundfont("/nonexistent/mine.sf2"), std::runtime_error);
}

TEST(Soundfont, UnreadableSoundfontIsAClearError) {
  const auto path = std::filesystem::temp_directory_path() / "lofi-not-a-soundfont.sf2";
  { std::FILE* f = std::fopen(path.c_str(), "wb"); std::fputs("not a soundfont", f); std::fclose(f); }
  try {
    FluidsynthRenderer renderer(path.string());
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(Instrument, NumbersAndNames) {
  EXPECT_EQ(parseInstrument("0"), 0);
  EXPECT_EQ(parseInstrument("33"), 33);
  EXPECT_EQ(parseInstrument("piano"), 0);
  EXPECT_EQ(parseInstrument("Electric Piano"), 4);
  EXPECT_EQ(parseInstrument("nylon guitar"), 24);
  EXPECT_EQ(parseInstrument("jazz guitar"), 26);
  EXPECT_EQ(parseInstrument("electric bass"), 33);
  EXPECT_THROW(parseInstrument("128"), std::invalid_argument);
  EXPECT_THROW(parseInstrument("theremin"), std::invalid_argument);
  EXPECT_THROW(parseInstrument(""), std::invalid_argument);
}

}  // namespace
}  // namespace lofi
