// Encoding a file or a whole folder of MIDI files, skipping the bad ones.
#pragma once

#include <string>
#include <vector>

#include "music/encoding.h"

namespace lofi {

struct EncodedFile {
  std::string file;  // path relative to the folder given (the file name for a single file)
  Tokens tokens;
};

struct SkippedFile {
  std::string file;
  std::string reason;  // the error, naming the byte offset for malformed MIDI
};

struct EncodedCorpus {
  std::vector<EncodedFile> files;
  std::vector<SkippedFile> skipped;
  std::size_t tokenCount() const;
  std::size_t vocabularySize() const;
};

// Reads and encodes every MIDI file at `fileOrFolder` (see listMidiFiles).
// A file that cannot be read or encoded is skipped with its reason; a path
// that does not exist throws.
EncodedCorpus encodeCorpus(const std::string& fileOrFolder, const Encoding& encoding);

}  // namespace lofi
