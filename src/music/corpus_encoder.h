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
  std::string file;    // as in EncodedFile
  std::string reason;  // the error without the path, e.g. "byte 14: track chunk is truncated (...)"
};

struct EncodedCorpus {
  std::vector<EncodedFile> files;
  std::vector<SkippedFile> skipped;
  std::size_t tokenCount() const;
  std::size_t vocabularySize() const;
};

// Reads and encodes the MIDI files at `fileOrFolder` (see listMidiFiles).
// In a folder, a file that cannot be read or encoded is skipped with its
// reason, so one bad file does not stop a corpus; a single file given by
// itself is not skipped: its error (a MidiError naming the byte) is thrown.
// Throws std::runtime_error if the path does not exist or a folder holds no
// MIDI file. With `parts` (lower-case track names, see part_filter.h) only
// those parts are encoded; a file without any of them is skipped.
EncodedCorpus encodeCorpus(const std::string& fileOrFolder, const Encoding& encoding,
                           const std::vector<std::string>& parts = {});

}  // namespace lofi
