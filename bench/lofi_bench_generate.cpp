// Generation speed on one thread: the default network carrying its LSTM state
// (one step per token) at batch 1, 8 and 32, against the same weights
// generating with the seed's sliding window (100 tokens re-read per token),
// and the seed's own network with its window.
//
//   build/bench/lofi-bench-generate [--model FILE] [--tokens 512]
// Without --model the networks get fresh random weights over the piano
// corpus's vocabulary: the work per token does not depend on the values.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "model/generator.h"
#include "model/model.h"
#include "model/token_corpus.h"
#include "model/torch_reference.h"
#include "model/training_data.h"

namespace {

using Clock = std::chrono::steady_clock;

lofi::Model randomModel(const std::string& preset, const std::string& data) {
  lofi::ModelFile file;
  file.encoding = "classic";
  file.network = lofi::presetNetwork(preset);
  file.training = lofi::presetTraining(preset);
  lofi::TokenCorpus corpus = std::filesystem::exists(data) ? lofi::readTokenCorpus(data, "") : lofi::TokenCorpus{};
  std::vector<lofi::Tokens> sequences;
  for (const lofi::Piece& piece : corpus.pieces) sequences.push_back(piece.tokens);
  if (sequences.empty()) {  // no corpus: a vocabulary of the same order of size
    lofi::Tokens tokens;
    for (int i = 0; i < 500; ++i) tokens.push_back("t" + std::to_string(i));
    sequences.push_back(tokens);
  }
  file.vocabulary = lofi::Vocabulary::build(sequences, lofi::specialTokensFor(file.network));
  file.weights = lofi::initialWeights(file.network, static_cast<int>(file.vocabulary.size()), 1);
  lofi::Tokens primer;
  for (int i = 0; i < lofi::kSeedWindow; ++i) primer.push_back(sequences.front()[i % sequences.front().size()]);
  file.primers.push_back(primer);
  return lofi::Model(std::move(file));
}

// Seconds to generate `tokens` tokens for each of `rows` sequences; best of `repeat`.
double secondsFor(const lofi::Model& model, int rows, int tokens, lofi::GenerationMethod method, int repeat) {
  double best = 1e30;
  for (int round = 0; round < repeat; ++round) {
    std::vector<lofi::SequenceRequest> requests(rows);
    for (int row = 0; row < rows; ++row) {
      requests[row].seed = static_cast<std::uint64_t>(row + 1);
      if (method == lofi::GenerationMethod::SlidingWindow)
        requests[row].primer = model.vocabulary().encode(model.file().primers.front());
    }
    const auto start = Clock::now();
    lofi::Generation generation(model, std::move(requests), method);
    generation.advance(tokens);
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::string modelPath;
  std::string data = LOFI_SHARED_DIR "/corpora/piano-composer/music21-v8.1-tokens.json";
  int tokens = 512;
  int windowTokens = 16;
  int repeat = 5;
  CLI::App app{"Generation speed: state carried against the sliding window, one thread"};
  app.add_option("--model", modelPath, "A trained default-preset model (default: random weights)");
  app.add_option("--data", data, "Tokens JSON giving the vocabulary for random weights")->capture_default_str();
  app.add_option("--tokens", tokens, "Tokens per track")->capture_default_str();
  app.add_option("--window-tokens", windowTokens, "Tokens timed with the sliding window (it is slow)")->capture_default_str();
  app.add_option("--repeat", repeat, "Runs; the best counts")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const lofi::Model model = modelPath.empty() ? randomModel("default", data) : lofi::Model::load(modelPath);
    if (!model.config().carriesState()) throw std::runtime_error("--model must carry its state (default preset)");
    const lofi::Model seedModel = randomModel("seed", data);
    std::string sizes;
    for (int size : model.config().lstmSizes) sizes += (sizes.empty() ? "" : ",") + std::to_string(size);
    std::printf("network: E%d LSTM %s, vocabulary %zu; inference on one thread\n\n", model.config().embeddingSize,
                sizes.c_str(), model.vocabulary().size());
    std::printf("| method | batch | ms per token | tokens/s | ms for %d tokens |\n|---|---|---|---|---|\n", tokens);
    const double single = secondsFor(model, 1, tokens, lofi::GenerationMethod::CarriedState, repeat);
    std::printf("| state carried | 1 | %.4f | %.0f | %.1f |\n", single * 1e3 / tokens, tokens / single, single * 1e3);
    for (int rows : {8, 32}) {
      const double seconds = secondsFor(model, rows, tokens, lofi::GenerationMethod::CarriedState, std::max(1, repeat / 2));
      std::printf("| state carried | %d | %.4f | %.0f | %.1f |\n", rows, seconds * 1e3 / (tokens * rows),
                  tokens * rows / seconds, seconds * 1e3);
    }
    const double window = secondsFor(model, 1, windowTokens, lofi::GenerationMethod::SlidingWindow, 2) / windowTokens;
    std::printf("| sliding window (same weights) | 1 | %.3f | %.0f | %.0f |\n", window * 1e3, 1 / window, window * tokens * 1e3);
    const double seed = secondsFor(seedModel, 1, std::max(2, windowTokens / 4), lofi::GenerationMethod::SlidingWindow, 1) /
                        std::max(2, windowTokens / 4);
    std::printf("| sliding window (seed network) | 1 | %.3f | %.0f | %.0f |\n", seed * 1e3, 1 / seed, seed * tokens * 1e3);
    std::printf("\nstate carried vs sliding window, same weights: %.0fx faster; vs the seed's network: %.0fx\n",
                window / (single / tokens), seed / (single / tokens));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-generate: %s\n", error.what());
    return 1;
  }
  return 0;
}
