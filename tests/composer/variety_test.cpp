// Whether a corpus varies: a model trained on it should meet many
// progressions, keys, styles and melodies, not the same few bars everywhere.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "music/composer/piece.h"
#include "music/composer/random.h"
#include "music/theory/chord_symbol.h"

namespace lofi::composer {
namespace {

constexpr int kPieces = 100;

const std::vector<ComposedPiece>& corpus() {
  static const std::vector<ComposedPiece> pieces = [] {
    std::vector<ComposedPiece> all;
    for (int i = 0; i < kPieces; ++i) all.push_back(composePiece(pieceSeed(1, static_cast<std::uint64_t>(i))));
    return all;
  }();
  return pieces;
}

// The melody's first four bars as (onset, pitch above the tonic) pairs: the
// same tune in another key counts as the same.
std::vector<std::pair<int, int>> openingPhrase(const ComposedPiece& piece) {
  const int tonic = theory::pitchClass(piece.plan.key.tonic);
  std::vector<std::pair<int, int>> notes;
  for (const StepNote& note : piece.melody.notes)
    if (note.startStep < 4 * kStepsPerBar) notes.push_back({note.startStep, note.pitch - tonic});
  return notes;
}

TEST(Variety, ManyProgressionsKeysAndTempos) {
  std::set<std::string> progressions, chordLoops;
  std::set<int> majorTonics, minorTonics, tempos;
  for (const ComposedPiece& piece : corpus()) {
    progressions.insert(piece.harmony.progressions.front());
    std::string loop;
    for (const ChordChange& change : piece.harmony.changes) loop += theory::toString(change.chord) + " ";
    chordLoops.insert(loop);
    (piece.plan.key.mode == theory::Mode::Major ? majorTonics : minorTonics).insert(theory::pitchClass(piece.plan.key.tonic));
    tempos.insert(piece.plan.bpm);
  }
  EXPECT_GE(progressions.size(), 20u);
  EXPECT_GE(chordLoops.size(), 98u);  // voiced, coloured and keyed, nearly every piece's chords are its own
  EXPECT_GE(majorTonics.size(), 10u);
  EXPECT_GE(minorTonics.size(), 10u);
  EXPECT_GE(tempos.size(), 15u);
}

TEST(Variety, EveryStyleAndInstrumentIsHeard) {
  std::set<CompingStyle> comping;
  std::set<BassStyle> bass;
  std::set<theory::VoicingStyle> voicings;
  std::set<int> melodyPrograms, chordPrograms;
  int swung = 0, sixteenBars = 0;
  for (const ComposedPiece& piece : corpus()) {
    comping.insert(piece.plan.comping.style);
    bass.insert(piece.plan.bass.style);
    voicings.insert(piece.plan.comping.voicing);
    melodyPrograms.insert(piece.plan.melodyProgram);
    chordPrograms.insert(piece.plan.chordProgram);
    swung += piece.plan.swing;
    sixteenBars += piece.harmony.bars == 16;
  }
  EXPECT_EQ(comping.size(), 4u);
  EXPECT_EQ(bass.size(), 3u);
  EXPECT_EQ(voicings.size(), 3u);
  EXPECT_EQ(melodyPrograms.size(), 3u);
  EXPECT_EQ(chordPrograms.size(), 2u);
  EXPECT_GT(swung, 30);
  EXPECT_LT(swung, 70);
  EXPECT_GT(sixteenBars, 30);
  EXPECT_LT(sixteenBars, 70);
}

TEST(Variety, MotifsAndMelodiesDifferFromPieceToPiece) {
  std::set<std::string> motifs;
  std::set<std::vector<std::pair<int, int>>> openings;
  std::map<std::string, int> firstBarRhythms;
  for (const ComposedPiece& piece : corpus()) {
    motifs.insert(motifSignature(piece.melody.motifs.front()));
    openings.insert(openingPhrase(piece));
    std::string rhythm;
    for (const StepNote& note : piece.melody.notes)
      if (note.startStep < kStepsPerBar) rhythm += std::to_string(note.startStep) + " ";
    ++firstBarRhythms[rhythm];
  }
  EXPECT_GE(motifs.size(), 95u);
  EXPECT_EQ(openings.size(), static_cast<std::size_t>(kPieces));
  // No one rhythm opens more than a few pieces.
  int commonest = 0;
  for (const auto& [rhythm, count] : firstBarRhythms) commonest = std::max(commonest, count);
  EXPECT_LE(commonest, 8);
  EXPECT_GE(firstBarRhythms.size(), 50u);
}

}  // namespace
}  // namespace lofi::composer
