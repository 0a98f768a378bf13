// Instrument and drum samples for the web player, and the drum grooves.
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "audio/grooves/groove.h"
#include "audio/levels.h"
#include "audio/samples/sample_set.h"
#include "audio/soundfont.h"
#include "audio_test_signals.h"
#include "shared_renderer.h"

namespace lofi {
namespace {

using testing::sharedRenderer;

TEST(SampleSet, NotesEveryMinorThird) {
  EXPECT_EQ(minorThirdsFrom(36, 48), (std::vector<int>{36, 39, 42, 45, 48}));
  EXPECT_EQ(minorThirdsFrom(36, 47), (std::vector<int>{36, 39, 42, 45}));
  EXPECT_EQ(noteName(60), "C4");
  EXPECT_EQ(noteName(63), "D#4");
  EXPECT_EQ(noteName(21), "A0");
  EXPECT_EQ(noteFileStem(66), "Fs4");
}

TEST(SampleSet, TheKitHasWhatTheGroovesNeed) {
  std::set<std::string> names;
  for (const DrumSampleSpec& drum : playerDrumKit()) names.insert(drum.name);
  for (const char* needed : {"kick", "snare", "rim", "hatClosed", "hatOpen", "shaker"}) EXPECT_TRUE(names.count(needed)) << needed;
  std::set<std::string> instruments;
  for (const InstrumentSampleSpec& spec : playerInstruments()) instruments.insert(spec.name);
  EXPECT_EQ(instruments, (std::set<std::string>{"piano", "electric-piano", "jazz-guitar", "electric-bass"}));
}

TEST(SampleSet, TrimCutsSilenceAtBothEndsAndFadesOut) {
  AudioBuffer padded(44100, 1, 44100);
  const AudioBuffer tone = test::sine(440, 0.25, 0.5);
  std::copy(tone.samples.begin(), tone.samples.end(), padded.samples.begin() + 11025);  // 0.25 s of silence first
  const AudioBuffer trimmed = trimSample(padded, -60.0);
  EXPECT_NEAR(trimmed.seconds(), 0.25, 0.01);
  EXPECT_LT(std::abs(trimmed.samples.back()), 1e-3);
}

TEST(SampleSet, AnInstrumentSampleIsOneTrimmedLoudnessMatchedNote) {
  FluidsynthRenderer* renderer = sharedRenderer();
  ASSERT_NE(renderer, nullptr) << testing::sharedRendererState().problem;
  const InstrumentSampleSpec& piano = playerInstruments().front();
  const SampleSettings settings;
  const AudioBuffer low = renderInstrumentSample(*renderer, piano, 48);
  const AudioBuffer high = renderInstrumentSample(*renderer, piano, 84);
  for (const AudioBuffer* sample : {&low, &high}) {
    EXPECT_EQ(sample->channels, 1);
    EXPECT_LE(sample->seconds(), piano.maxSeconds + 0.01);
    EXPECT_GT(sample->seconds(), 0.5);
    EXPECT_LE(peakDbfs(*sample), settings.peakCeilingDbfs + 1e-6);
    // Sound starts within 2 ms: the Sampler plays it on the beat.
    double onset = 0;
    for (std::size_t i = 0; i < sample->frames(); ++i)
      if (std::abs(sample->samples[i]) > 0.01) { onset = static_cast<double>(i) / sample->sampleRate; break; }
    EXPECT_LT(onset, 0.004);
  }
  // Loudness-matched on their attacks (the first 400 ms).
  auto attackLoudness = [](const AudioBuffer& b) {
    AudioBuffer attack(b.sampleRate, 1);
    attack.samples.assign(b.samples.begin(), b.samples.begin() + static_cast<long>(0.4 * b.sampleRate));
    return integratedLoudness(attack);
  };
  EXPECT_NEAR(attackLoudness(low), settings.instrumentLufs, 0.1);
  EXPECT_NEAR(attackLoudness(high), settings.instrumentLufs, 0.1);
  // And the notes asked for: C3's fundamental at 130.8 Hz outweighs C#3's.
  const std::vector<float> body(low.samples.begin(), low.samples.begin() + 22050);
  EXPECT_GT(test::toneMagnitude(body, 130.81, 44100), 3 * test::toneMagnitude(body, 138.59, 44100));
}

TEST(SampleSet, DrumSamplesAreShortAndAudible) {
  FluidsynthRenderer* renderer = sharedRenderer();
  ASSERT_NE(renderer, nullptr) << testing::sharedRendererState().problem;
  for (const DrumSampleSpec& drum : playerDrumKit()) {
    const AudioBuffer sample = renderDrumSample(*renderer, drum);
    EXPECT_LE(sample.seconds(), drum.maxSeconds + 0.01) << drum.name;
    EXPECT_GT(peakDbfs(sample), -6.0) << drum.name;
    EXPECT_LE(peakDbfs(sample), -0.3) << drum.name;
  }
}

const std::vector<std::string> kKit = {"kick", "snare", "rim", "hatClosed", "hatOpen", "shaker", "ride", "brush"};

TEST(Grooves, TheBundledGroovesExpandToEightBarsOfSixteenths) {
  const auto grooves = readGrooves(std::string(LOFI_SOURCE_DIR) + "/data/grooves.json", kKit);
  ASSERT_GE(grooves.size(), 4u);
  std::set<std::string> names;
  for (const Groove& groove : grooves) {
    names.insert(groove.name);
    ASSERT_EQ(groove.steps.size(), static_cast<std::size_t>(kGrooveBars * kStepsPerBar)) << groove.name;
    int hits = 0;
    for (const auto& step : groove.steps) hits += static_cast<int>(step.size());
    EXPECT_GT(hits, 8 * 8) << groove.name;
  }
  EXPECT_EQ(names, (std::set<std::string>{"boom-bap", "laid-back", "half-time", "brushes"}));
}

const char* kOneGroove = R"({"grooves": [{"name": "g", "title": "G", "bpm": 80, "swingUnit": "sixteenth",
  "swingSteps": 0.25, "humanize": {"velocity": 0, "timingSteps": 0}, "seed": 1,
  "bars": {"A": {"kick": "X.......x.......", "hatClosed": "xxxxxxxxxxxxxxxx"}},
  "form": ["A", "A", "A", "A", "A", "A", "A", "A"]}]})";

TEST(Grooves, SwingDelaysTheOffBeatsOnly) {
  const Groove groove = parseGrooves(kOneGroove, "g.json", kKit).front();
  for (int step = 0; step < kStepsPerBar; ++step) {
    for (const DrumHit& hit : groove.steps[static_cast<std::size_t>(step)]) {
      EXPECT_DOUBLE_EQ(hit.offsetSteps, step % 2 == 1 ? 0.25 : 0.0) << step;
      EXPECT_EQ(hit.velocity, hit.drum == "kick" && step == 0 ? 112 : 88);
    }
  }
}

TEST(Grooves, HumanizingIsBoundedSeededAndNotFlat) {
  std::string text = kOneGroove;
  text.replace(text.find("\"velocity\": 0"), 13, "\"velocity\": 10");
  text.replace(text.find("\"timingSteps\": 0"), 16, "\"timingSteps\": 0.05");
  const Groove first = parseGrooves(text, "g.json", kKit).front();
  const Groove again = parseGrooves(text, "g.json", kKit).front();
  std::set<int> velocities;
  for (std::size_t s = 0; s < first.steps.size(); ++s) {
    for (std::size_t h = 0; h < first.steps[s].size(); ++h) {
      const DrumHit& hit = first.steps[s][h];
      const double swing = s % 2 == 1 ? 0.25 : 0.0;
      EXPECT_LE(std::abs(hit.offsetSteps - swing), 0.0505);
      EXPECT_EQ(hit.velocity, again.steps[s][h].velocity);
      if (hit.drum == "hatClosed") {
        EXPECT_LE(std::abs(hit.velocity - 88), 10);
        velocities.insert(hit.velocity);
      }
    }
  }
  EXPECT_GT(velocities.size(), 5u);
}

TEST(Grooves, BadDataNamesWhatIsWrong) {
  auto messageOf = [](std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    try {
      parseGrooves(text, "g.json", kKit);
    } catch (const std::runtime_error& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(messageOf(kOneGroove, "\"kick\"", "\"cowbell\"").find("drum \"cowbell\": not a drum of the kit"), std::string::npos);
  EXPECT_NE(messageOf(kOneGroove, "X.......x.......", "X.......x......").find("16 steps"), std::string::npos);
  EXPECT_NE(messageOf(kOneGroove, "X.......x.......", "X.......y.......").find("step 9"), std::string::npos);
  EXPECT_NE(messageOf(kOneGroove, "\"A\", \"A\"]", "\"A\", \"B\"]").find("form bar 8"), std::string::npos);
  EXPECT_NE(messageOf(kOneGroove, "\"bpm\": 80", "\"bpm\": 800").find("\"bpm\""), std::string::npos);
  EXPECT_NE(messageOf(kOneGroove, "\"swingUnit\": \"sixteenth\"", "\"swingUnit\": \"quarter\"").find("swingUnit"),
            std::string::npos);
}

TEST(Grooves, JsonHasEveryStep) {
  const Groove groove = parseGrooves(kOneGroove, "g.json", kKit).front();
  const auto json = grooveToJson(groove);
  EXPECT_EQ(json["steps"].size(), 128u);
  bool kickOnOne = false;
  for (const auto& hit : json["steps"][0]) kickOnOne |= hit["drum"] == "kick";
  EXPECT_TRUE(kickOnOne);
  EXPECT_EQ(json["bars"], 8);
}

}  // namespace
}  // namespace lofi
