// Training data as token sequences, one per piece, read either from MIDI
// files (encoded on the way) or from a tokens JSON document in the shape that
// `lofi encode --json` prints: {"encoding"?, "files": [{"file", "tokens"}]}.
#pragma once

#include <string>
#include <vector>

#include "music/corpus_encoder.h"
#include "music/encoding.h"

namespace lofi {

struct Piece {
  std::string name;
  Tokens tokens;
};

struct TokenCorpus {
  std::string encoding;  // the encoding the tokens are in
  std::vector<Piece> pieces;
  std::vector<SkippedFile> skipped;  // MIDI files that could not be read
  std::size_t tokenCount() const;
};

// `path` is a .json tokens document, a MIDI file or a folder of MIDI files.
// MIDI is encoded with `encoding`; a JSON document naming another encoding than
// `encoding` is an error (an empty `encoding` accepts the document's, or classic).
// `parts` (lower-case track names) keeps only those parts of MIDI files (see
// music/part_filter.h); with a JSON document it is an error.
// Throws std::runtime_error naming the file and what is wrong.
TokenCorpus readTokenCorpus(const std::string& path, const std::string& encoding,
                            const std::vector<std::string>& parts = {});

// Parses a tokens JSON document; `where` names it in errors.
TokenCorpus parseTokenCorpus(const std::string& json, const std::string& where);

}  // namespace lofi
