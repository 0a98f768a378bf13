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
#include <ctime>
#include <filesystem>

#include "model/generator.h"
#include "model/model.h"
#include "model/token_corpus.h"
#include "model/torch_reference.h"
#include "model/training_data.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread: the machine may be shared, and time spent waiting
// for a core is not the program's cost.
double threadSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct Timing {
  double cpu = 1e30;   // best thread CPU seconds
  double wall = 1e30;  // best wall-clock seconds
};

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
    for (int i = 0; i < 500; ++i) tokens.push_back(std::string("t").append(std::to_string(i)));
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
Timing secondsFor(const lofi::Model& model, int rows, int tokens, lofi::GenerationMethod method, int repeat) {
  Timing best;
  for (int round = 0; round < repeat; ++round) {
    std::vector<lofi::SequenceRequest> requests(rows);
    for (int row = 0; row < rows; ++row) {
      requests[row].seed = static_cast<std::uint64_t>(row + 1);
      if (method == lofi::GenerationMethod::SlidingWindow)
        requests[row].primer = model.vocabulary().encode(model.file().primers.front());
    }
    const auto start = Clock::now();
    const double cpuStart = threadSeconds();
    lofi::Generation generation(model, std::move(requests), method);
    generation.advance(tokens);
    best.cpu = std::min(best.cpu, threadSeconds() - cpuStart);
    best.wall = std::min(best.wall, std::chrono::duration<double>(Clock::now() - start).count());
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
    std::printf("| method | batch | ms per token | tokens/s | ms for %d tokens per row | wall-clock ms |\n"
                "|---|---|---|---|---|---|\n", tokens);
    auto row = [&](const char* method, int rows, int count, const Timing& timing) {
      const double perToken = timing.cpu / (static_cast<double>(count) * rows);
      std::printf("| %s | %d | %.4f | %.0f | %.1f | %.1f |\n", method, rows, perToken * 1e3, 1 / perToken,
                  perToken * tokens * rows * 1e3, timing.wall * tokens / count * 1e3);
      return perToken;
    };
    const double single = row("state carried", 1, tokens, secondsFor(model, 1, tokens, lofi::GenerationMethod::CarriedState, repeat));
    for (int rows : {8, 32})
      row("state carried", rows, tokens,
          secondsFor(model, rows, tokens, lofi::GenerationMethod::CarriedState, std::max(1, repeat / 2)));
    const double window = row("sliding window, same weights", 1, windowTokens,
                              secondsFor(model, 1, windowTokens, lofi::GenerationMethod::SlidingWindow, 2));
    const int seedTokens = std::max(2, windowTokens / 4);
    const double seed = row("sliding window, seed network", 1, seedTokens,
                            secondsFor(seedModel, 1, seedTokens, lofi::GenerationMethod::SlidingWindow, 1));
    std::printf("\n(ms: thread CPU time, best of %d runs; wall-clock time beside it)\n", repeat);
    std::printf("state carried vs sliding window, same weights: %.0fx faster; vs the seed's network: %.0fx\n",
                window / single, seed / single);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-generate: %s\n", error.what());
    return 1;
  }
  return 0;
}
