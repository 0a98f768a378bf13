// A model writes a track: tokens after a primer, sampled through the
// steering's constraints, until the track has the tokens or bars asked for;
// each token is read as it comes by the encoding's TokenReader, so the music
// is known as it grows and never decoded again. Several tracks are written
// in one batch through the model (the server's case), each as it would be alone.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/generator.h"
#include "model/model.h"
#include "model/steering/steering.h"
#include "music/encoding.h"
#include "music/score.h"
#include "music/theory/chord_progression.h"

namespace lofi {

struct TrackOptions {
  int tokens = 0;  // exactly this many tokens, or
  int bars = 0;    // as many as fill this many 4/4 bars (the track is cut there)
  std::uint64_t seed = 0;
  SamplingSettings sampling;
  GenerationMethod method = GenerationMethod::CarriedState;
  Tokens primer;  // what the music continues from (not part of the track)
  DecodeOptions decode;  // its seed is set from `seed`
  Steering steering;     // chords and key
  std::vector<ConstraintFactory> constraints;  // more of your own, made for each track
};

// A chord over a stretch of the track, in quarter notes.
struct ChordSpan {
  std::string symbol;
  double startQuarters = 0;
  double quarters = 0;
};

struct WrittenTrack {
  Tokens primer;
  Tokens tokens;  // the generated tokens that made the music (an unfinished event at the end left out)
  Score score;
  std::vector<ChordSpan> chords;  // the progression asked for, or the chords the music labels itself with
};

inline constexpr int kQuartersPerBar = 4;

// Throws std::invalid_argument for options that ask for nothing or too much.
std::vector<WrittenTrack> writeTracks(const Model& model, const Encoding& encoding, const std::vector<TrackOptions>& options);
WrittenTrack writeTrack(const Model& model, const Encoding& encoding, const TrackOptions& options);

// The progression laid out, round after round, over `quarters` of music.
std::vector<ChordSpan> chordTimeline(const theory::ChordProgression& progression, double quarters);

// One of the training windows kept in the model, chosen by `seed`; empty if it has none.
Tokens randomPrimer(const Model& model, std::uint64_t seed);
// Up to `maxTokens` tokens of a MIDI file in the model's encoding: its end,
// or, when the end alone does not decode (timed), its beginning. Tokens the
// model does not know are left out and counted in `unknown`.
Tokens primerFromMidi(const Model& model, const Encoding& encoding, const std::string& path, std::size_t maxTokens,
                      std::size_t* unknown = nullptr);

// The method a model generates with by default: carried state if it can.
GenerationMethod defaultMethod(const Model& model);

}  // namespace lofi
