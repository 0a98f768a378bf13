#include "music/corpus_encoder.h"

#include <filesystem>
#include <stdexcept>
#include <unordered_set>

#include "music/midi_folder.h"
#include "music/part_filter.h"

namespace lofi {
namespace {

// The error without the path it starts with: the skipped list names the file already.
std::string reasonFor(const std::exception& error, const std::string& path) {
  if (const auto* midiError = dynamic_cast<const midi::MidiError*>(&error))
    return "byte " + std::to_string(midiError->offset()) + ": " + midiError->problem();
  const std::string message = error.what();
  const std::string prefix = path + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

Tokens encodeFile(const std::string& path, const Encoding& encoding, const std::vector<std::string>& parts) {
  return encoding.encodeMidi(keepParts(midi::readFile(path), parts));
}

}  // namespace

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

EncodedCorpus encodeCorpus(const std::string& fileOrFolder, const Encoding& encoding,
                           const std::vector<std::string>& parts) {
  namespace fs = std::filesystem;
  const std::vector<std::string> paths = listMidiFiles(fileOrFolder);
  EncodedCorpus corpus;
  if (!fs::is_directory(fileOrFolder)) {
    try {
      corpus.files.push_back({fs::path(fileOrFolder).filename().string(), encodeFile(fileOrFolder, encoding, parts)});
    } catch (const midi::MidiError&) {
      throw;  // names the file and the byte already
    } catch (const std::exception& error) {
      throw std::runtime_error(fileOrFolder + ": " + reasonFor(error, fileOrFolder));
    }
    return corpus;
  }
  if (paths.empty()) throw std::runtime_error(fileOrFolder + ": no MIDI files (.mid, .midi, .smf, .kar) in this folder");
  for (const std::string& path : paths) {
    const std::string name = fs::relative(path, fileOrFolder).generic_string();
    try {
      corpus.files.push_back({name, encodeFile(path, encoding, parts)});
    } catch (const std::exception& error) {
      corpus.skipped.push_back({name, reasonFor(error, path)});
    }
  }
  return corpus;
}

}  // namespace lofi
