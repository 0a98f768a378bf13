// Cost per token of writing a track through the steering constraints, at
// 128, 512 and 2,048 tokens (and 8, 32 and 128 bars, written until the bars
// are full), free and with chords, for both encodings: the constraints keep
// their state as tokens come and the track is read as it is written, so the
// cost per token stays flat as the track grows (it grew with the length when
// every token, or every 32 tokens, re-decoded the track so far).
//
//   build/bench/lofi-bench-steering [--repeat 3]
// Timed: the embedded default model. Classic: the default network with fresh
// random weights over classic tokens (notes, chords, a rest): the work per
// token does not depend on the values.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "model/default_model.h"
#include "model/torch_reference.h"
#include "model/track_writer.h"
#include "model/training_data.h"
#include "music/classic/classic_tokens.h"

namespace {

// CPU time of this thread: the machine may be shared.
double threadSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

lofi::Model classicModel() {
  lofi::Tokens tokens = {lofi::classic::kRestToken};
  for (int pitch = 36; pitch <= 96; ++pitch) tokens.push_back(lofi::classic::noteNameFromMidi(pitch));
  for (int root = 0; root < 12; ++root) {
    tokens.push_back(lofi::classic::chordToken({root, (root + 4) % 12, (root + 7) % 12}));
    tokens.push_back(lofi::classic::chordToken({root, (root + 3) % 12, (root + 7) % 12}));
  }
  lofi::ModelFile file;
  file.encoding = "classic";
  file.network = lofi::presetNetwork("default");
  file.training = lofi::presetTraining("default");
  file.vocabulary = lofi::Vocabulary::build({tokens}, lofi::specialTokensFor(file.network));
  file.weights = lofi::initialWeights(file.network, static_cast<int>(file.vocabulary.size()), 1);
  return lofi::Model(std::move(file));
}

// Milliseconds of CPU per token for a track of `length` tokens (or bars);
// best of `repeat`.
double msPerToken(const lofi::Model& model, int length, bool bars, const std::string& chords, int repeat) {
  const auto encoding = lofi::makeEncoding(model.encoding());
  lofi::TrackOptions options;
  (bars ? options.bars : options.tokens) = length;
  options.seed = 7;
  options.steering.chords = chords;
  double best = 1e30;
  for (int round = 0; round < repeat; ++round) {
    const double start = threadSeconds();
    const lofi::WrittenTrack track = lofi::writeTrack(model, *encoding, options);
    best = std::min(best, (threadSeconds() - start) / std::max<std::size_t>(1, track.tokens.size()));
  }
  return best * 1e3;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  CLI::App app{"Cost per token of steered generation as the track grows, one thread"};
  app.add_option("--repeat", repeat, "Runs; the best counts")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const std::string chords = "Dm9 G13 Cmaj9 A7b9";
    std::printf("| encoding | steering | track | ms per token, short | middle | long | long / short |\n"
                "|---|---|---|---|---|---|---|\n");
    const auto rows = [&](const char* name, const lofi::Model& model) {
      for (const bool bars : {false, true})
        for (const std::string& steering : {std::string(), chords}) {
          // 128, 512, 2,048 tokens; or 8, 32, 128 bars (written until the bars are full).
          const int unit = bars ? 8 : 128;
          const double small = msPerToken(model, unit, bars, steering, repeat);
          const double middle = msPerToken(model, 4 * unit, bars, steering, repeat);
          const double large = msPerToken(model, 16 * unit, bars, steering, repeat);
          std::printf("| %s | %s | %s | %.4f | %.4f | %.4f | %.2f |\n", name, steering.empty() ? "free" : "chords",
                      bars ? "8 / 32 / 128 bars" : "128 / 512 / 2,048 tokens", small, middle, large, large / small);
        }
    };
    rows("timed (embedded default)", lofi::loadDefaultModel());
    rows("classic (random weights)", classicModel());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-steering: %s\n", error.what());
    return 1;
  }
  return 0;
}
