// Small corpora and tiny networks for the model tests: each trains in well
// under a second on one thread.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

#include "model/model_file.h"
#include "model/token_corpus.h"
#include "model/torch_reference.h"
#include "model/trainer.h"
#include "model/training_data.h"

namespace lofi::testing {

// Pieces of classic tokens built from a few fixed figures (arpeggio, chord,
// rest), each piece starting on its own root: many distinct tokens, but each
// token nearly decides the next, so a model can go far below the unigram entropy.
inline TokenCorpus patternCorpus(int pieces, int figuresPerPiece) {
  static const char* names[] = {"C", "C#", "D", "E-", "E", "F", "F#", "G", "G#", "A", "B-", "B"};
  auto note = [](int pitch) { return std::string(names[pitch % 12]) + std::to_string(pitch / 12 - 1); };
  TokenCorpus corpus;
  corpus.encoding = "classic";
  for (int piece = 0; piece < pieces; ++piece) {
    Piece entry;
    entry.name = "piece-" + std::to_string(piece) + ".mid";
    for (int figure = 0; figure < figuresPerPiece; ++figure) {
      const int root = 55 + (piece * 5 + figure * 7) % 12;
      for (int step : {0, 4, 7, 12}) entry.tokens.push_back(note(root + step));
      entry.tokens.push_back(std::to_string(root % 12) + "." + std::to_string((root + 4) % 12) + "." +
                             std::to_string((root + 7) % 12));
      entry.tokens.push_back("r");
    }
    corpus.pieces.push_back(std::move(entry));
  }
  return corpus;
}

inline NetworkConfig tinyNetwork() {
  NetworkConfig config = presetNetwork("default");
  config.embeddingSize = 16;
  config.lstmSizes = {32};
  config.dropout = 0.1;
  return config;
}

inline NetworkConfig tinySeedNetwork() {
  NetworkConfig config = presetNetwork("seed");
  config.lstmSizes = {8, 12, 8};
  config.denseSizes = {8};
  config.window = 10;
  return config;
}

inline TrainJob tinyJob(const TokenCorpus& corpus, const std::string& folder, int epochs) {
  TrainJob job;
  job.corpus = corpus;
  job.network = tinyNetwork();
  job.settings = presetTraining("default");
  job.settings.epochs = epochs;
  job.settings.batch = 8;
  job.settings.sequenceLength = 32;
  job.settings.learningRate = 1e-2;
  job.settings.validationFraction = 0.2;
  job.settings.transpose = false;
  job.settings.threads = 1;
  job.outputFolder = folder;
  return job;
}

// A model file with fresh random weights, without training.
inline ModelFile untrainedModelFile(const NetworkConfig& network, const TokenCorpus& corpus, std::uint64_t seed = 1) {
  ModelFile file;
  file.encoding = corpus.encoding;
  file.network = network;
  file.training = presetTraining(network.preset);
  std::vector<Tokens> sequences;
  for (const Piece& piece : corpus.pieces) sequences.push_back(piece.tokens);
  file.vocabulary = Vocabulary::build(sequences, specialTokensFor(network));
  file.weights = initialWeights(network, static_cast<int>(file.vocabulary.size()), seed);
  file.primers.push_back(Tokens(corpus.pieces.front().tokens.begin(), corpus.pieces.front().tokens.begin() + 12));
  return file;
}

// A fresh folder under the system's temporary folder, removed at the end of the test.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    path_ = std::filesystem::temp_directory_path() / ("lofi-model-test-" + std::to_string(::getpid()) + "-" +
                                                      std::to_string(counter()++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path_); }
  std::string path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  static int& counter() {
    static int value = 0;
    return value;
  }
  std::filesystem::path path_;
};

}  // namespace lofi::testing
