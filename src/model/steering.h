// What a request asks of the music (chords, key) turned into the sampler's
// constraints for the model's encoding, plus the constraints that encoding
// always needs (the timed grammar). The one place that knows which encoding
// is steered how.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/sampler.h"
#include "model/vocabulary.h"
#include "music/encoding.h"

namespace lofi {

struct Steering {
  std::string chords;  // "Dm9 G13 Cmaj9 A7b9": one chord per bar, round again; empty: free
  std::string key;     // "D minor": notes keep to its scale; empty: none (or the first chord's key, classic)
};

// Classic: notes keep to the tones of the sounding chord and the key (time
// found by decoding with `decode`, which must be the track's own options).
// Timed: every generated bar starts with its chord, the notes follow; a key
// keeps pitches to its scale; the grammar keeps every track decodable.
// Throws std::invalid_argument for unreadable chords or keys, or chords the model has no token for.
// The vocabulary and the encoding must outlive the constraints.
std::vector<std::shared_ptr<const TokenConstraint>> steeringConstraints(const Vocabulary& vocabulary,
                                                                        const Encoding& encoding,
                                                                        const Steering& steering,
                                                                        const DecodeOptions& decode);

}  // namespace lofi
