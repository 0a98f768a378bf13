#include "model/steering/timed_steering.h"

#include <gtest/gtest.h>

#include <set>

#include "model/track_writer.h"
#include "model/generator.h"
#include "music/timed/timed_encoding.h"
#include "tiny_models.h"

namespace lofi {
namespace {

// A model over the timed encoding's whole vocabulary and a few chords, with
// random weights: it writes anything, so the constraints have all the work.
const Model& timedModel() {
  static const Model model = [] {
    TokenCorpus corpus;
    corpus.encoding = "timed";
    Piece piece{"vocabulary.mid", timed::fixedVocabulary()};
    for (const char* chord : {"chord_Dm9", "chord_G13", "chord_Cmaj9", "chord_A7b9", "chord_Em7", "chord_NC"})
      piece.tokens.push_back(chord);
    corpus.pieces.push_back(piece);
    return Model(testing::untrainedModelFile(testing::tinyNetwork(), corpus, 31));
  }();
  return model;
}

TEST(TimedGrammarConstraint, WhateverTheModelWritesDecodes) {
  const TimedEncoding encoding;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    SequenceRequest request;
    request.seed = seed;
    request.sampling = {1.5f, 0, 1.0f};
    request.constraints.push_back(std::make_unique<TimedGrammarConstraint>(timedModel().vocabulary()));
    std::vector<SequenceRequest> requests;
    requests.push_back(std::move(request));
    const auto indices = generateTokens(timedModel(), std::move(requests), 300, GenerationMethod::CarriedState)[0];
    Tokens tokens = timedModel().vocabulary().decode(indices);
    EXPECT_EQ(tokens.front(), "start");
    while (tokens.back().rfind("pitch_", 0) == 0) tokens.pop_back();  // cut inside a note
    EXPECT_NO_THROW(encoding.decode(tokens, {})) << seed;
  }
}

// A random model piles up notes: at most two notes per position keeps bars coming.
class TwoNotesPerPosition : public TokenConstraint {
 public:
  explicit TwoNotesPerPosition(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}
  void restrict(std::span<char> allowed) const override {
    if (notes_ < 2) return;
    for (std::size_t index = 0; index < allowed.size(); ++index)
      if (vocabulary_.tokens()[index].rfind("pitch_", 0) == 0) allowed[index] = 0;
  }
  void accept(int token) override {
    const std::string& text = vocabulary_.token(token);
    if (text.rfind("pos_", 0) == 0 || text == "bar") notes_ = 0;
    if (text.rfind("pitch_", 0) == 0) ++notes_;
  }

 private:
  const Vocabulary& vocabulary_;
  int notes_ = 0;
};

ConstraintFactory twoNotesPerPosition() {
  return [] { return std::make_unique<TwoNotesPerPosition>(timedModel().vocabulary()); };
}

TEST(TimedChordConstraint, EveryBarStartsWithItsChordAndNoOtherChordComes) {
  const TimedEncoding encoding;
  TrackOptions options;
  options.bars = 6;
  options.seed = 4;
  options.sampling = {1.2f, 0, 1.0f};
  options.steering.chords = "Dm9 G13 Cmaj9 A7b9";
  options.constraints.push_back(twoNotesPerPosition());
  const WrittenTrack track = writeTrack(timedModel(), encoding, options);
  const std::vector<std::string> expected = {"chord_Dm9", "chord_G13", "chord_Cmaj9", "chord_A7b9"};
  std::size_t bars = 0;
  std::vector<std::string> chords;
  for (std::size_t i = 0; i < track.tokens.size(); ++i) {
    if (track.tokens[i] == "bar") {
      std::size_t next = i + 1;
      while (next < track.tokens.size() && (track.tokens[next].rfind("meter_", 0) == 0 || track.tokens[next].rfind("tempo_", 0) == 0))
        ++next;
      if (next + 1 >= track.tokens.size()) break;  // the track ended here
      EXPECT_EQ(track.tokens[next], "pos_0") << "bar " << bars;
      EXPECT_EQ(track.tokens[next + 1], expected[bars % expected.size()]) << "bar " << bars;
      ++bars;
    }
    if (track.tokens[i].rfind("chord_", 0) == 0) chords.push_back(track.tokens[i]);
  }
  EXPECT_GE(bars, 6u);
  EXPECT_EQ(chords.size(), bars);  // no chord token but the forced ones
  // The decoded track and its chord list say the same.
  ASSERT_GE(track.chords.size(), 6u);
  EXPECT_EQ(track.chords[1].symbol, "G13");
  EXPECT_EQ(track.chords[1].startQuarters, 4.0);
}

TEST(TimedChordConstraint, NotesOnBeatsOneAndThreeAreChordTones) {
  const TimedEncoding encoding;
  TrackOptions options;
  options.bars = 8;
  options.sampling = {1.5f, 0, 1.0f};  // hot: a random model would play anything
  options.steering.chords = "Dm9 G13 Cmaj9 A7b9";
  options.constraints.push_back(twoNotesPerPosition());
  const std::vector<std::set<int>> tones = {{2, 5, 9, 0, 4}, {7, 11, 2, 5, 9, 4}, {0, 4, 7, 11, 2}, {9, 1, 4, 7, 10}};
  int strong = 0, weakOutside = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    options.seed = seed;
    const WrittenTrack track = writeTrack(timedModel(), encoding, options);
    for (const Part& part : track.score.parts)
      for (const Note& note : part.notes) {
        const double quarters = static_cast<double>(note.startTick) / track.score.ticksPerQuarter;
        const int bar = static_cast<int>(quarters / 4);
        const double inBar = quarters - 4.0 * bar;
        const bool inChord = tones[bar % 4].contains(note.pitch % 12);
        if (inBar == 0.0 || inBar == 2.0) {
          ++strong;
          EXPECT_TRUE(inChord) << "bar " << bar << " beat " << inBar + 1 << " pitch " << note.pitch;
        } else if (!inChord) {
          ++weakOutside;
        }
      }
  }
  EXPECT_GT(strong, 10);
  EXPECT_GT(weakOutside, 0);  // elsewhere the model plays what it likes
}

TEST(TimedChordConstraint, UnknownChordIsNamed) {
  try {
    TimedChordConstraint(timedModel().vocabulary(), theory::parseChordProgression("Dm9 F#7#9"));
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("F#7#9"), std::string::npos) << error.what();
  }
}

TEST(TimedChordConstraint, AChordWithoutATokenIsSteeredByTheNearestOnItsRoot) {
  const Vocabulary& vocabulary = timedModel().vocabulary();
  const auto nearest = [&](const char* symbol) {
    const auto index = nearestChordToken(vocabulary, theory::parseChordSymbol(symbol));
    return index ? vocabulary.token(*index) : std::string("none");
  };
  EXPECT_EQ(nearest("Dm7"), "chord_Dm9");    // 4 of 5 tones shared
  EXPECT_EQ(nearest("G7"), "chord_G13");
  EXPECT_EQ(nearest("Cmaj7"), "chord_Cmaj9");
  EXPECT_EQ(nearest("Em9"), "chord_Em7");
  EXPECT_EQ(nearest("F#m7"), "none");        // no chord on F#
  EXPECT_NO_THROW(TimedChordConstraint(vocabulary, theory::parseChordProgression("Dm7 G7 Cmaj7")));
}

TEST(TimedPitchClassConstraint, KeyKeepsPitchesInTheScale) {
  const TimedEncoding encoding;
  TrackOptions options;
  options.tokens = 200;
  options.seed = 2;
  options.sampling = {1.5f, 0, 1.0f};
  options.steering.key = "D dorian";  // D E F G A B C
  const WrittenTrack track = writeTrack(timedModel(), encoding, options);
  int pitches = 0;
  for (const std::string& token : track.tokens)
    if (token.rfind("pitch_", 0) == 0) {
      const int pitchClass = std::stoi(token.substr(6)) % 12;
      EXPECT_TRUE(pitchClass == 2 || pitchClass == 4 || pitchClass == 5 || pitchClass == 7 || pitchClass == 9 ||
                  pitchClass == 11 || pitchClass == 0)
          << token;
      ++pitches;
    }
  EXPECT_GT(pitches, 5);
}

}  // namespace
}  // namespace lofi
