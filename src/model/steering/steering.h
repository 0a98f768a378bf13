// What a request asks of the music (chords, key) turned into the sampler's
// constraints for the model's encoding, plus the constraints that encoding
// always needs (the timed grammar). Each encoding registers its builder once,
// here (steering.cpp); the constraints live beside it in this folder.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/sampler.h"
#include "model/vocabulary.h"
#include "music/encoding.h"
#include "music/theory/chord_progression.h"

namespace lofi {

struct Steering {
  std::string chords;  // "Dm9 G13 Cmaj9 A7b9": one chord per bar, round again; empty: free
  std::string key;     // "D minor": notes keep to its scale; empty: none (or the first chord's key, classic)
};

// Constraints for one track (they keep its state): classic notes keep to the
// tones of the sounding chord and the key, timed bars start with their chord
// and the notes follow; a key keeps pitches to its scale; the timed grammar
// keeps every track decodable. `decode` must be the options the track is
// decoded with (classic tokens have no time of their own). Throws
// std::invalid_argument for unreadable chords or keys, chords the model has
// no token for, or steering an encoding that cannot be steered.
std::vector<std::unique_ptr<TokenConstraint>> steeringConstraints(const Vocabulary& vocabulary,
                                                                  const std::string& encoding,
                                                                  const Steering& steering,
                                                                  const DecodeOptions& decode);

// The pitch classes of a key such as "D minor", "F# dorian" or "Am"; an empty
// `key` takes the first chord's root, minor for a minor chord, else major.
// Throws std::invalid_argument naming the key.
std::vector<int> keyPitchClasses(const std::string& key, const theory::ChordSymbol& firstChord);
std::vector<int> keyPitchClasses(const std::string& key);

}  // namespace lofi
