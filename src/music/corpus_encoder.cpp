#include "music/corpus_encoder.h"

#include <filesystem>
#include <unordered_set>

#include "music/midi_folder.h"

namespace lofi {

std::size_t EncodedCorpus::tokenCount() const {
  std::size_t count = 0;
  for (const EncodedFile& file : files) count += file.tokens.size();
  return count;
}

std::size_t EncodedCorpus::vocabularySize() const {
  std::unordered_set<std::string> vocabulary;
  for (const EncodedFile& file : files) vocabulary.insert(file.tokens.begin(), file.tokens.end());
  return vocabulary.size();
}

EncodedCorpus encodeCorpus(const std::string& fileOrFolder, const Encoding& encoding) {
  namespace fs = std::filesystem;
  const bool isFolder = fs::is_directory(fileOrFolder);
  EncodedCorpus corpus;
  for (const std::string& path : listMidiFiles(fileOrFolder)) {
    const std::string name =
        isFolder ? fs::relative(path, fileOrFolder).generic_string() : fs::path(path).filename().string();
    try {
      corpus.files.push_back({name, encoding.encode(midi::readFile(path))});
    } catch (const std::exception& error) {
      corpus.skipped.push_back({name, error.what()});
    }
  }
  return corpus;
}

}  // namespace lofi
