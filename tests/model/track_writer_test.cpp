#include "model/track_writer.h"

#include <gtest/gtest.h>

#include "music/classic/classic_encoding.h"
#include "music/note_events.h"
#include "tiny_models.h"

namespace lofi {
namespace {

using namespace classic;

// The classic encoding with every note and chord a quarter, every rest an eighth.
DecodeOptions quarterNotes() {
  DecodeOptions decode;
  decode.durationWeights = {{1.0, 1.0}};
  decode.restQuarters = 0.5;
  return decode;
}

const Model& tinyModel() {
  static const Model model(testing::untrainedModelFile(testing::tinyNetwork(), testing::patternCorpus(4, 6), 12));
  return model;
}

TrackOptions options(std::uint64_t seed) {
  TrackOptions result;
  result.seed = seed;
  result.tokens = 50;
  result.decode = quarterNotes();
  return result;
}

TEST(TrackWriter, TokensModeGivesExactlyThatManyTokensDecoded) {
  const ClassicEncoding encoding;
  const WrittenTrack track = writeTrack(tinyModel(), encoding, options(3));
  EXPECT_EQ(track.tokens.size(), 50u);
  EXPECT_GT(track.score.noteCount(), 0);
  EXPECT_EQ(writeTrack(tinyModel(), encoding, options(3)).tokens, track.tokens);
}

TEST(TrackWriter, BarsModeFillsAndCutsAtTheLastBar) {
  const ClassicEncoding encoding;
  TrackOptions bars = options(4);
  bars.tokens = 0;
  bars.bars = 3;
  const WrittenTrack track = writeTrack(tinyModel(), encoding, bars);
  const std::int64_t limit = 3 * 4 * 480;
  DecodeOptions decode = quarterNotes();
  decode.seed = 4;
  EXPECT_GE(encoding.decode(track.tokens, decode).endTick(), limit);  // enough music was written
  EXPECT_LE(track.score.endTick(), limit);                          // and cut at the bar line
  for (const NoteEvent& event : noteEvents(track.score)) EXPECT_LT(event.onsetBeats, 12.0);
}

TEST(TrackWriter, BatchedTracksEqualTracksWrittenAlone) {
  const ClassicEncoding encoding;
  std::vector<TrackOptions> batch = {options(1), options(2), options(3)};
  batch[1].tokens = 20;
  batch[2].tokens = 0;
  batch[2].bars = 2;
  const std::vector<WrittenTrack> together = writeTracks(tinyModel(), encoding, batch);
  for (std::size_t i = 0; i < batch.size(); ++i)
    EXPECT_EQ(together[i].tokens, writeTrack(tinyModel(), encoding, batch[i]).tokens) << i;
}

TEST(TrackWriter, RandomPrimerComesFromTheModelAndDependsOnTheSeed) {
  EXPECT_EQ(randomPrimer(tinyModel(), 5), tinyModel().file().primers.front());
  const ClassicEncoding encoding;
  TrackOptions primed = options(5);
  primed.primer = randomPrimer(tinyModel(), 5);
  primed.method = GenerationMethod::SlidingWindow;
  const WrittenTrack track = writeTrack(tinyModel(), encoding, primed);
  EXPECT_EQ(track.primer, primed.primer);
  EXPECT_EQ(track.tokens.size(), 50u);
}

TEST(TrackWriter, AsksForEitherTokensOrBars) {
  const ClassicEncoding encoding;
  TrackOptions both = options(1);
  both.bars = 2;
  EXPECT_THROW(writeTrack(tinyModel(), encoding, both), std::invalid_argument);
  TrackOptions neither = options(1);
  neither.tokens = 0;
  EXPECT_THROW(writeTrack(tinyModel(), encoding, neither), std::invalid_argument);
}

TEST(TrackWriter, ChordsEndWithTheTrack) {
  const ClassicEncoding encoding;
  TrackOptions steered = options(6);
  steered.tokens = 0;
  steered.bars = 3;
  steered.steering.chords = "C F";
  const WrittenTrack track = writeTrack(tinyModel(), encoding, steered);
  ASSERT_EQ(track.chords.size(), 3u);
  EXPECT_EQ(track.chords.back().symbol, "C");
  EXPECT_EQ(track.chords.back().startQuarters + track.chords.back().quarters, 12.0);
}

}  // namespace
}  // namespace lofi
