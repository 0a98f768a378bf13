// Training speed: tokens per second of our LibTorch trainer against the same
// network, batch and data in PyTorch (bench/pytorch_train.py run with Debian's
// python3-torch), measured side by side, alternating, in one run.
//
//   build/bench/lofi-bench-train [--data TOKENS.json] [--steps 8] [--threads 2] [--repeat 2]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/token_corpus.h"
#include "model/trainer.h"

namespace {

struct Args {
  std::string data = LOFI_SHARED_DIR "/corpora/piano-composer/music21-v8.1-tokens.json";
  std::string preset = "default";
  std::string python = "/usr/bin/python3";
  std::string script = LOFI_SOURCE_DIR "/bench/pytorch_train.py";
  std::vector<int> lstm;
  int embedding = 0;
  int batch = 0;
  int sequenceLength = 0;
  int steps = 8;
  int threads = 2;
  int repeat = 2;
};

std::string joined(const std::vector<int>& values) {
  std::string text;
  for (int value : values) text += (text.empty() ? "" : ",") + std::to_string(value);
  return text;
}

double runPyTorch(const Args& args, const lofi::TrainJob& job) {
  std::ostringstream command;
  command << args.python << ' ' << args.script << " --data '" << args.data << "' --preset " << job.network.preset
          << " --embedding " << job.network.embeddingSize << " --lstm " << joined(job.network.lstmSizes)
          << " --dense '" << joined(job.network.denseSizes) << "' --dropout " << job.network.dropout << " --window "
          << job.network.window << " --batch " << job.settings.batch << " --seq-len " << job.settings.sequenceLength
          << " --steps " << args.steps << " --threads " << args.threads << " --lr " << job.settings.learningRate
          << " --clip " << job.settings.gradientClip;
  FILE* pipe = popen(command.str().c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + args.python);
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  if (pclose(pipe) != 0) throw std::runtime_error("pytorch_train.py failed: " + output);
  return nlohmann::json::parse(output.substr(output.rfind('{'))).at("tokensPerSecond").get<double>();
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  CLI::App app{"Training tokens per second: lofi (LibTorch, C++) against PyTorch on the same network and data"};
  app.add_option("--data", args.data, "Tokens JSON")->capture_default_str();
  app.add_option("--preset", args.preset, "seed or default")->capture_default_str();
  app.add_option("--embedding", args.embedding, "Embedding size (0: the preset's)");
  app.add_option("--lstm", args.lstm, "LSTM sizes (default: the preset's)")->delimiter(',');
  app.add_option("--batch", args.batch, "Batch (0: the preset's)");
  app.add_option("--seq-len", args.sequenceLength, "Tokens per row, default preset (0: the preset's)");
  app.add_option("--steps", args.steps, "Timed steps per run")->capture_default_str();
  app.add_option("--threads", args.threads, "Threads for both")->capture_default_str();
  app.add_option("--repeat", args.repeat, "Runs of each, alternating; the best counts")->capture_default_str();
  app.add_option("--python", args.python, "Python with torch")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    if (!std::filesystem::exists(args.data)) {
      std::fprintf(stderr, "no corpus at %s (pass --data)\n", args.data.c_str());
      return 1;
    }
    lofi::TrainJob job;
    job.corpus = lofi::readTokenCorpus(args.data, "");
    job.network = lofi::presetNetwork(args.preset);
    job.settings = lofi::presetTraining(args.preset);
    if (args.embedding > 0) job.network.embeddingSize = args.embedding;
    if (!args.lstm.empty()) job.network.lstmSizes = args.lstm;
    if (args.batch > 0) job.settings.batch = args.batch;
    if (args.sequenceLength > 0) job.settings.sequenceLength = args.sequenceLength;
    job.settings.transpose = false;  // the same pieces for both
    job.settings.validationFraction = 0;
    job.settings.threads = args.threads;

    double ours = 0, theirs = 0;
    for (int round = 0; round < args.repeat; ++round) {
      ours = std::max(ours, lofi::measureTrainingSpeed(job, args.steps, 1).tokensPerSecond());
      theirs = std::max(theirs, runPyTorch(args, job));
    }
    const std::string network = job.network.preset + " E" + std::to_string(job.network.embeddingSize) + " LSTM " +
                                joined(job.network.lstmSizes);
    std::printf("| engine | network | batch | tokens/row | threads | tokens/s |\n|---|---|---|---|---|---|\n");
    const int rowTokens = job.network.window > 0 ? job.network.window : job.settings.sequenceLength;
    std::printf("| lofi (LibTorch C++) | %s | %d | %d | %d | %.0f |\n", network.c_str(), job.settings.batch, rowTokens,
                args.threads, ours);
    std::printf("| PyTorch (python3-torch) | %s | %d | %d | %d | %.0f |\n", network.c_str(), job.settings.batch,
                rowTokens, args.threads, theirs);
    std::printf("\nlofi / PyTorch: %.2fx (best of %d runs of %d steps each)\n", ours / theirs, args.repeat, args.steps);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lofi-bench-train: %s\n", error.what());
    return 1;
  }
  return 0;
}
