#include "model/steering/classic_steering.h"

#include <gtest/gtest.h>

#include <set>

#include "model/generator.h"
#include "model/steering/steering.h"
#include "model/track_writer.h"
#include "music/classic/classic_encoding.h"
#include "music/classic/classic_tokens.h"
#include "tiny_models.h"

namespace lofi {
namespace {

// One quarter note per token, rests too: chords change every four tokens.
DecodeOptions quarterPerToken() {
  DecodeOptions options;
  options.durationWeights = {{1.0, 1.0}};
  options.restQuarters = 1.0;
  return options;
}

theory::ChordSymbol chord(const std::string& symbol) { return theory::parseChordSymbol(symbol); }

// Every note of two octaves, every major triad, and a rest.
TokenCorpus chromaticCorpus() {
  TokenCorpus corpus;
  corpus.encoding = "classic";
  Piece piece{"chromatic.mid", {}};
  for (int pitch = 60; pitch < 84; ++pitch) piece.tokens.push_back(classic::noteNameFromMidi(pitch));
  for (int root = 0; root < 12; ++root) piece.tokens.push_back(classic::chordToken({root, (root + 4) % 12, (root + 7) % 12}));
  piece.tokens.push_back("r");
  corpus.pieces.push_back(piece);
  return corpus;
}

TEST(ChordProgression, ReadsSymbolsAndNamesTheBadOne) {
  const theory::ChordProgression progression = theory::parseChordProgression("Dm9 G13 | Cmaj9 A7b9");
  EXPECT_EQ(progression.symbols(), (std::vector<std::string>{"Dm9", "G13", "Cmaj9", "A7b9"}));
  EXPECT_EQ(theory::toString(progression), "Dm9 G13 Cmaj9 A7b9");
  EXPECT_EQ(theory::pitchClasses(progression.chords[0]), (std::vector<int>{0, 2, 4, 5, 9}));  // D F A C E
  try {
    theory::parseChordProgression("Dm9 Hm7");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("Hm7"), std::string::npos) << error.what();
  }
  EXPECT_THROW(theory::parseChordProgression("  "), std::invalid_argument);
}

TEST(ChordProgression, KeyFromTheFirstChordOrAsGiven) {
  EXPECT_EQ(keyPitchClasses("", chord("Dm9")), (std::vector<int>{2, 4, 5, 7, 9, 10, 0}));
  EXPECT_EQ(keyPitchClasses("", chord("Cmaj7")), (std::vector<int>{0, 2, 4, 5, 7, 9, 11}));
  EXPECT_EQ(keyPitchClasses("A minor", chord("C")), (std::vector<int>{9, 11, 0, 2, 4, 5, 7}));
  EXPECT_THROW(keyPitchClasses("Q major"), std::invalid_argument);
}

TEST(ChordProgression, TimelineRepeatsTheChordsOverTheTrack) {
  const std::vector<ChordSpan> spans = chordTimeline(theory::parseChordProgression("C F G"), 17.0);
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[3].symbol, "C");
  EXPECT_EQ(spans[4].startQuarters, 16.0);
}

// 64 tokens over C then E7 in C major, a quarter each; hot, so that unlikely
// tokens get their chance.
std::vector<int> hotTokensOverCAndE7(const Model& model, std::uint64_t seed) {
  SequenceRequest request;
  request.sampling = {1.5f, 0, 1.0f};
  request.seed = seed;
  request.constraints.push_back(std::make_unique<ChordScaleConstraint>(
      model.vocabulary(), theory::parseChordProgression("C E7"), keyPitchClasses("C major"), quarterPerToken()));
  std::vector<SequenceRequest> requests;
  requests.push_back(std::move(request));
  return generateTokens(model, std::move(requests), 64, GenerationMethod::CarriedState)[0];
}

TEST(ChordScaleConstraint, GeneratedNotesKeepToTheChordAndKeyOfTheirBar) {
  const Model model(testing::untrainedModelFile(testing::tinyNetwork(), chromaticCorpus(), 21));
  // C major, then E7 whose G# lies outside the key: G# only in E7's bars.
  std::set<int> classesInE7;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto tokens = hotTokensOverCAndE7(model, seed);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const bool inE7 = (i / 4) % 2 == 1;
      const std::vector<int> classes = classic::soundingPitchClasses(model.vocabulary().token(tokens[i])).value();
      for (int pitchClass : classes) {
        const bool inKey = pitchClass == 0 || pitchClass == 2 || pitchClass == 4 || pitchClass == 5 ||
                           pitchClass == 7 || pitchClass == 9 || pitchClass == 11;
        EXPECT_TRUE(inKey || (inE7 && pitchClass == 8)) << "token " << i << " class " << pitchClass;
        if (inE7) classesInE7.insert(pitchClass);
      }
    }
  }
  EXPECT_TRUE(classesInE7.contains(8));  // the constraint lets the chord's own tone through
}

TEST(ChordScaleConstraint, StrongBeatsTakeChordTonesOnly) {
  const Model model(testing::untrainedModelFile(testing::tinyNetwork(), chromaticCorpus(), 21));
  const std::set<int> cMajor = {0, 4, 7}, e7 = {4, 8, 11, 2};
  int offBeatScaleTones = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto tokens = hotTokensOverCAndE7(model, seed);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::set<int>& chord = (i / 4) % 2 == 1 ? e7 : cMajor;
      const std::vector<int> classes = classic::soundingPitchClasses(model.vocabulary().token(tokens[i])).value();
      for (int pitchClass : classes) {
        if (i % 2 == 0) EXPECT_TRUE(chord.contains(pitchClass)) << "beat " << i << " class " << pitchClass;
        else if (!chord.contains(pitchClass)) ++offBeatScaleTones;
      }
    }
  }
  EXPECT_GT(offBeatScaleTones, 0);  // between strong beats the scale is open
}

TEST(ChordScaleConstraint, KeepsTheDecodersTime) {
  // The constraint's clock and the decoder draw the same lengths: a probe
  // note decoded after the tokens starts where the constraint says the next
  // token sounds.
  const Model model(testing::untrainedModelFile(testing::tinyNetwork(), chromaticCorpus(), 21));
  DecodeOptions options;
  options.seed = 11;
  ChordScaleConstraint constraint(model.vocabulary(), theory::parseChordProgression("C F"), keyPitchClasses("C major"), options);
  const ClassicEncoding encoding;
  Tokens tokens;
  for (const std::string token : {"C4", "r", "E4", "0.4.7", "G4", "r", "r", "D4", "5.9.0", "A4"}) {
    tokens.push_back(token);
    constraint.accept(*model.vocabulary().find(token));
    Tokens probed = tokens;
    probed.push_back("C5");
    const Score score = encoding.decode(probed, options);
    std::int64_t probe = 0;
    for (const Note& note : score.parts.front().notes)
      if (note.pitch == 72) probe = std::max(probe, note.startTick);
    EXPECT_DOUBLE_EQ(constraint.nowQuarters(), static_cast<double>(probe) / score.ticksPerQuarter) << tokens.size();
  }
}

TEST(ChordScaleConstraint, ClassicTracksWrittenWithChordsKeepToThemOnStrongBeats) {
  const Model model(testing::untrainedModelFile(testing::tinyNetwork(), chromaticCorpus(), 21));
  const ClassicEncoding encoding;
  TrackOptions options;
  options.bars = 8;
  options.sampling = {1.5f, 0, 1.0f};
  options.steering = {"C E7", "C major"};
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    options.seed = seed;
    const WrittenTrack track = writeTrack(model, encoding, options);
    ASSERT_FALSE(track.score.parts.front().notes.empty());
    for (const Note& note : track.score.parts.front().notes) {
      const std::int64_t beat = note.startTick / track.score.ticksPerQuarter;
      if (note.startTick % (2 * track.score.ticksPerQuarter) != 0) continue;
      const std::set<int> tones = (beat / 4) % 2 == 0 ? std::set<int>{0, 4, 7} : std::set<int>{4, 8, 11, 2};
      EXPECT_TRUE(tones.contains(note.pitch % 12)) << "seed " << seed << " beat " << beat << " pitch " << note.pitch;
    }
  }
}

TEST(ChordScaleConstraint, AKeyAloneKeepsNotesInItsScale) {
  const Model model(testing::untrainedModelFile(testing::tinyNetwork(), chromaticCorpus(), 21));
  SequenceRequest request;
  request.sampling = {1.5f, 0, 1.0f};
  request.seed = 4;
  request.constraints = steeringConstraints(model.vocabulary(), "classic", {"", "F major"}, {});
  std::vector<SequenceRequest> requests;
  requests.push_back(std::move(request));
  const auto tokens = generateTokens(model, std::move(requests), 100, GenerationMethod::CarriedState)[0];
  int notes = 0;
  for (int token : tokens) {
    const std::vector<int> classes = classic::soundingPitchClasses(model.vocabulary().token(token)).value();
    for (int pitchClass : classes) {
      EXPECT_TRUE(std::set<int>({5, 7, 9, 10, 0, 2, 4}).contains(pitchClass)) << pitchClass;
      ++notes;
    }
  }
  EXPECT_GT(notes, 20);  // not only rests
}

}  // namespace
}  // namespace lofi
