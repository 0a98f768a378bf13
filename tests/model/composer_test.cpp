#include "model/composer.h"

#include <gtest/gtest.h>

#include "music/classic_transposer.h"
#include "music/note_events.h"
#include "tiny_models.h"

namespace lofi {
namespace {

using namespace classic;

// Stands in for an encoding: every note token lasts a quarter, chords and rests an eighth.
class QuarterNoteEncoding : public Encoding {
 public:
  std::string name() const override { return "classic"; }
  Tokens encode(const midi::File&) const override { return {}; }
  Score decode(const Tokens& tokens, const DecodeOptions& options) const override {
    Score score;
    Part part;
    std::int64_t tick = 0;
    for (const std::string& token : tokens) {
      if (const auto pitch = midiFromNoteName(token)) {
        part.notes.push_back({tick, tick + 480, *pitch, options.velocity, 0});
        tick += 480;
      } else {
        tick += 240;
      }
    }
    score.parts.push_back(part);
    return score;
  }
};

const Model& tinyModel() {
  static const Model model(testing::untrainedModelFile(testing::tinyNetwork(), testing::patternCorpus(4, 6), 12));
  return model;
}

ComposeOptions options(std::uint64_t seed) {
  ComposeOptions result;
  result.seed = seed;
  result.tokens = 50;
  return result;
}

TEST(Composer, TokensModeGivesExactlyThatManyTokensDecoded) {
  const QuarterNoteEncoding encoding;
  const Track track = composeTrack(tinyModel(), encoding, options(3));
  EXPECT_EQ(track.tokens.size(), 50u);
  EXPECT_GT(track.score.noteCount(), 0);
  EXPECT_EQ(composeTrack(tinyModel(), encoding, options(3)).tokens, track.tokens);
}

TEST(Composer, BarsModeFillsAndCutsAtTheLastBar) {
  const QuarterNoteEncoding encoding;
  ComposeOptions bars = options(4);
  bars.tokens = 0;
  bars.bars = 3;
  const Track track = composeTrack(tinyModel(), encoding, bars);
  const std::int64_t limit = 3 * 4 * 480;
  EXPECT_GE(encoding.decode(track.tokens, {}).endTick(), limit);  // enough music was written
  EXPECT_LE(track.score.endTick(), limit);                          // and cut at the bar line
  for (const NoteEvent& event : noteEvents(track.score)) EXPECT_LT(event.onsetBeats, 12.0);
}

TEST(Composer, BatchedTracksEqualTracksWrittenAlone) {
  const QuarterNoteEncoding encoding;
  std::vector<ComposeOptions> batch = {options(1), options(2), options(3)};
  batch[1].tokens = 20;
  batch[2].tokens = 0;
  batch[2].bars = 2;
  const std::vector<Track> together = composeTracks(tinyModel(), encoding, batch);
  for (std::size_t i = 0; i < batch.size(); ++i)
    EXPECT_EQ(together[i].tokens, composeTrack(tinyModel(), encoding, batch[i]).tokens) << i;
}

TEST(Composer, RandomPrimerComesFromTheModelAndDependsOnTheSeed) {
  EXPECT_EQ(randomPrimer(tinyModel(), 5), tinyModel().file().primers.front());
  const QuarterNoteEncoding encoding;
  ComposeOptions primed = options(5);
  primed.primer = randomPrimer(tinyModel(), 5);
  primed.method = GenerationMethod::SlidingWindow;
  const Track track = composeTrack(tinyModel(), encoding, primed);
  EXPECT_EQ(track.primer, primed.primer);
  EXPECT_EQ(track.tokens.size(), 50u);
}

TEST(Composer, AsksForEitherTokensOrBars) {
  const QuarterNoteEncoding encoding;
  ComposeOptions both = options(1);
  both.bars = 2;
  EXPECT_THROW(composeTrack(tinyModel(), encoding, both), std::invalid_argument);
  ComposeOptions neither = options(1);
  neither.tokens = 0;
  EXPECT_THROW(composeTrack(tinyModel(), encoding, neither), std::invalid_argument);
}

}  // namespace
}  // namespace lofi
