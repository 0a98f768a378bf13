#include "model/chord_constraint.h"

#include <gtest/gtest.h>

#include <set>

#include "model/generator.h"
#include "music/classic_tokens.h"
#include "tiny_models.h"

namespace lofi {
namespace {

// One quarter note per generated token: chords change every four tokens.
class TokenCountClock : public TokenClock {
 public:
  double quartersBefore(std::span<const int> generated) const override { return static_cast<double>(generated.size()); }
};

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
  const ChordProgression progression = parseProgression("Dm9 G13 | Cmaj9 A7b9");
  EXPECT_EQ(progression.symbols, (std::vector<std::string>{"Dm9", "G13", "Cmaj9", "A7b9"}));
  EXPECT_EQ(progression.pitchClasses[0], (std::vector<int>{0, 2, 4, 5, 9}));  // D F A C E
  try {
    parseProgression("Dm9 Hm7");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("Hm7"), std::string::npos) << error.what();
  }
  EXPECT_THROW(parseProgression("  "), std::invalid_argument);
}

TEST(ChordProgression, KeyFromTheFirstChordOrAsGiven) {
  EXPECT_EQ(keyPitchClasses("", "Dm9"), (std::vector<int>{2, 4, 5, 7, 9, 10, 0}));
  EXPECT_EQ(keyPitchClasses("", "Cmaj7"), (std::vector<int>{0, 2, 4, 5, 7, 9, 11}));
  EXPECT_EQ(keyPitchClasses("A minor", "C"), (std::vector<int>{9, 11, 0, 2, 4, 5, 7}));
  EXPECT_THROW(keyPitchClasses("Q major", ""), std::invalid_argument);
}

TEST(ChordProgression, TimelineRepeatsTheChordsOverTheTrack) {
  const std::vector<ChordSpan> spans = chordTimeline(parseProgression("C F G"), 17.0);
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[3].symbol, "C");
  EXPECT_EQ(spans[4].startQuarters, 16.0);
}

TEST(ChordScaleConstraint, GeneratedNotesKeepToTheChordAndKeyOfTheirBar) {
  const Model model(testing::untrainedModelFile(testing::tinyNetwork(), chromaticCorpus(), 21));
  // C major, then E7 whose G# lies outside the key: G# only in E7's bars.
  const ChordProgression progression = parseProgression("C E7");
  SequenceRequest request;
  request.sampling = {1.5f, 0, 1.0f};  // hot, so that unlikely tokens get their chance
  request.constraints.push_back(std::make_shared<ChordScaleConstraint>(
      model.vocabulary(), progression, keyPitchClasses("C major", "C"), std::make_shared<TokenCountClock>()));
  std::set<int> classesInE7;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    request.seed = seed;
    const auto tokens = generateTokens(model, {request}, 64, GenerationMethod::CarriedState)[0];
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
  const ChordProgression progression = parseProgression("C E7");
  SequenceRequest request;
  request.sampling = {1.5f, 0, 1.0f};
  request.constraints.push_back(std::make_shared<ChordScaleConstraint>(
      model.vocabulary(), progression, keyPitchClasses("C major", "C"), std::make_shared<TokenCountClock>()));
  const std::set<int> cMajor = {0, 4, 7}, e7 = {4, 8, 11, 2};
  int offBeatScaleTones = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    request.seed = seed;
    const auto tokens = generateTokens(model, {request}, 64, GenerationMethod::CarriedState)[0];
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

// Every note a quarter, anything else an eighth.
class QuarterNoteEncoding : public Encoding {
 public:
  std::string name() const override { return "classic"; }
  Tokens encode(const midi::File&) const override { return {}; }
  Score decode(const Tokens& tokens, const DecodeOptions&) const override {
    Score score;
    Part part;
    std::int64_t tick = 0;
    for (const std::string& token : tokens) {
      const auto pitch = classic::midiFromNoteName(token);
      if (pitch) part.notes.push_back({tick, tick + 480, *pitch, 80, 0});
      tick += pitch ? 480 : 240;
    }
    score.parts.push_back(part);
    return score;
  }
};

TEST(DecodingClock, NextTokenLandsWhereTheDecoderPutsIt) {
  const Vocabulary vocabulary = Vocabulary::build({{"C4", "D4", "r"}}, {kPadToken, kBeginToken, kEndToken});
  const QuarterNoteEncoding encoding;
  const DecodingClock clock(encoding, vocabulary, {}, "C4");
  const std::vector<int> generated = {*vocabulary.find("C4"), *vocabulary.find("r"), *vocabulary.find("D4")};
  EXPECT_DOUBLE_EQ(clock.quartersBefore(std::span<const int>(generated).first(0)), 0.0);
  EXPECT_DOUBLE_EQ(clock.quartersBefore(std::span<const int>(generated).first(2)), 1.5);
  EXPECT_DOUBLE_EQ(clock.quartersBefore(generated), 2.5);
}

}  // namespace
}  // namespace lofi
