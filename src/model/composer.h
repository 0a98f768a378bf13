// From a model to music: generate tokens after a primer until the track has
// the tokens or bars asked for, then decode them through the model's encoding.
// Several tracks are written in one batch through the model (the server's case).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/chord_constraint.h"
#include "model/generator.h"
#include "model/model.h"
#include "model/steering.h"
#include "music/encoding.h"
#include "music/score.h"

namespace lofi {

struct ComposeOptions {
  int tokens = 0;  // exactly this many tokens, or
  int bars = 0;    // as many as fill this many 4/4 bars (the track is cut there)
  std::uint64_t seed = 0;
  SamplingSettings sampling;
  GenerationMethod method = GenerationMethod::CarriedState;
  Tokens primer;  // what the music continues from (not part of the track)
  DecodeOptions decode;  // its seed is set from `seed`
  Steering steering;     // chords and key
  std::vector<std::shared_ptr<const TokenConstraint>> constraints;  // more of your own
};

struct Track {
  Tokens primer;
  Tokens tokens;
  Score score;
  std::vector<ChordSpan> chords;  // the progression asked for, or the chords the music labels itself with
};

inline constexpr int kQuartersPerBar = 4;

// Throws std::invalid_argument for options that ask for nothing or too much.
std::vector<Track> composeTracks(const Model& model, const Encoding& encoding, const std::vector<ComposeOptions>& options);
Track composeTrack(const Model& model, const Encoding& encoding, const ComposeOptions& options);

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
