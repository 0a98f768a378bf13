// The "timed" encoding: bars, positions on a sixteenth-and-triplet grid,
// pitches with durations, and a chord token wherever the harmony changes,
// between `start` and `end`. A model learns rhythm from it, and a generator
// steers it by forcing `pos_N chord_X` where each chord of a progression starts.
//
//   start bar meter_4/4 tempo_80 pos_0 chord_Dm7 pitch_50 dur_24 pitch_65 dur_12
//   pos_12 pitch_69 dur_12 pos_24 chord_G7 ... bar ... end
//
// The vocabulary and its reasons: docs/encodings.md, "Timed". The tokens
// themselves are read and written in timed_tokens.h.
#pragma once

#include "music/encoding.h"
#include "music/timed/timed_piece.h"
#include "music/timed/timed_tokens.h"

namespace lofi::timed {

Tokens tokensFromPiece(const TimedPiece& piece);
// Throws std::invalid_argument naming the token, its index and what is wrong.
// A missing `end` is allowed (a fragment); bars with no tempo token keep the
// one before, the first takes `defaultBpm` as it is.
TimedPiece pieceFromTokens(const Tokens& tokens, double defaultBpm = 120.0);

}  // namespace lofi::timed

namespace lofi {

// Score -> TimedPiece -> tokens, and back. Every part but the drums is merged
// into one line of notes; decoding gives one part with the tempo, meters, and
// a marker per chord (so a decoded file keeps its chords).
class TimedEncoding : public Encoding {
 public:
  std::string name() const override { return "timed"; }
  Tokens encode(const Score& score) const override;
  std::unique_ptr<TokenReader> reader(const DecodeOptions& options) const override;
  bool continuesPrimer() const override { return true; }
  // `pitch_N` moves by semitones, `chord_X` is the chord moved and respelled
  // the lead-sheet way (chord_Dm9 up 2 is chord_Em9); bars, positions,
  // lengths, meters, tempi and chord_NC stay.
  std::optional<Tokens> transpose(const Tokens& tokens, int semitones) const override;
};

}  // namespace lofi
