// Every composed piece reads back through the timed encoding with the chords
// it is labelled with, in order and where they start: the tokens a model
// trains on carry the harmony the composer wrote, not a guess.
#include <gtest/gtest.h>

#include "music/composer/piece.h"
#include "music/composer/random.h"
#include "music/score_io.h"
#include "music/theory/chord_symbol.h"
#include "music/timed/timed_encoding.h"

namespace lofi::composer {
namespace {

constexpr int kPieces = 60;

struct ChordAt {
  int bar;
  int position;  // timed grid units into the bar
  std::string symbol;
};

// The chord tokens of a timed token stream, with the bar and position each sits at.
std::vector<ChordAt> chordTokens(const Tokens& tokens) {
  std::vector<ChordAt> chords;
  int bar = -1, position = 0;
  for (const std::string& token : tokens) {
    if (token == timed::kBarToken) {
      ++bar;
      position = 0;
    } else if (token.starts_with("pos_")) {
      position = std::stoi(token.substr(4));
    } else if (token.starts_with("chord_")) {
      chords.push_back({bar, position, token.substr(6)});
    }
  }
  return chords;
}

TEST(ComposedPieceTimed, ChordTokensAreTheLabelledChords) {
  const TimedEncoding encoding;
  const int unitsPerBar = 48;  // twelve to the quarter note, 4/4
  for (int i = 0; i < kPieces; ++i) {
    const ComposedPiece piece = composePiece(pieceSeed(31, static_cast<std::uint64_t>(i)));
    const Tokens tokens = encoding.encodeMidi(midi::parse(midi::serialize(midiFromScore(piece.score))));
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens.front(), timed::kStartToken);
    EXPECT_EQ(tokens.back(), timed::kEndToken);
    const std::vector<ChordAt> chords = chordTokens(tokens);
    ASSERT_EQ(chords.size(), piece.harmony.changes.size()) << "piece " << i;
    for (std::size_t c = 0; c < chords.size(); ++c) {
      const ChordChange& change = piece.harmony.changes[c];
      // The token spells the chord the lead-sheet way (C#m7 -> Dbm7); it is the same chord.
      EXPECT_EQ(theory::parseChordSymbol(chords[c].symbol), theory::respelled(change.chord))
          << "piece " << i << ": token " << chords[c].symbol << ", label " << theory::toString(change.chord);
      EXPECT_EQ(chords[c].bar, change.startStep / kStepsPerBar);
      EXPECT_EQ(chords[c].position, change.startStep % kStepsPerBar * unitsPerBar / kStepsPerBar);
    }
  }
}

TEST(ComposedPieceTimed, BarsAndTempoSurvive) {
  const TimedEncoding encoding;
  for (int i = 0; i < 20; ++i) {
    const ComposedPiece piece = composePiece(pieceSeed(32, static_cast<std::uint64_t>(i)));
    const Tokens tokens = encoding.encode(piece.score);  // in memory, no MIDI between
    EXPECT_EQ(std::count(tokens.begin(), tokens.end(), std::string(timed::kBarToken)), piece.harmony.bars);
    // The encoding rounds tempo to steps of 5 BPM.
    const auto tempo = std::find_if(tokens.begin(), tokens.end(), [](const std::string& t) { return t.starts_with("tempo_"); });
    ASSERT_NE(tempo, tokens.end());
    EXPECT_LE(std::abs(std::stoi(tempo->substr(6)) - piece.plan.bpm), 2) << *tempo << " for " << piece.plan.bpm;
  }
}

}  // namespace
}  // namespace lofi::composer
