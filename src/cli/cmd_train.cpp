// lofi train DATA [--encoding] [--preset] [--epochs] [--batch] [--lr] [--val] [--out] [--resume] [--seed]
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "cli/commands.h"
#include "cli/training_progress.h"
#include "model/token_corpus.h"
#include "music/part_filter.h"
#include "model/trainer.h"

namespace lofi::cli {
namespace {

std::atomic<bool> stopRequested{false};

extern "C" void requestStop(int signal) {
  stopRequested.store(true);
  // A second Ctrl-C ends the program at once.
  std::signal(signal, SIG_DFL);
}

struct TrainArgs {
  std::string data;
  std::string encoding;  // empty: as the JSON says, else classic
  std::string preset = "default";
  std::optional<int> epochs;
  std::optional<int> batch;
  std::optional<double> learningRate;
  std::optional<int> sequenceLength;
  std::optional<int> embedding;
  std::vector<int> lstm;
  std::optional<double> dropout;
  bool transpose = false;
  bool noTranspose = false;
  double validation = 0.1;
  std::string out = "lofi-run";
  bool resume = false;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string parts;  // "melody,lead": only these MIDI parts
};

void run(const TrainArgs& args) {
  TrainJob job;
  const std::vector<std::string> parts = parsePartNames(args.parts);
  job.corpus = readTokenCorpus(args.data, args.encoding, parts);
  for (const SkippedFile& skipped : job.corpus.skipped)
    std::fprintf(stderr, "lofi: warning: skipped %s: %s\n", skipped.file.c_str(), skipped.reason.c_str());
  std::fprintf(stderr, "read %zu pieces, %zu tokens (%s)%s\n", job.corpus.pieces.size(), job.corpus.tokenCount(),
               job.corpus.encoding.c_str(),
               job.corpus.skipped.empty() ? "" : (", " + std::to_string(job.corpus.skipped.size()) + " files skipped").c_str());
  job.network = presetNetwork(args.preset);
  if (args.embedding) job.network.embeddingSize = *args.embedding;
  if (!args.lstm.empty()) job.network.lstmSizes = args.lstm;
  if (args.dropout) job.network.dropout = *args.dropout;
  job.settings = presetTraining(args.preset);
  if (args.epochs) job.settings.epochs = *args.epochs;
  if (args.batch) job.settings.batch = *args.batch;
  if (args.learningRate) job.settings.learningRate = *args.learningRate;
  if (args.sequenceLength) job.settings.sequenceLength = *args.sequenceLength;
  if (args.transpose) job.settings.transpose = true;
  if (args.noTranspose) job.settings.transpose = false;
  job.settings.validationFraction = args.validation;
  job.settings.seed = args.seed;
  job.settings.threads = args.threads;
  job.settings.parts = parts;
  job.outputFolder = args.out;
  job.resume = args.resume;
  if (args.resume) job.resumeEpochs = args.epochs;

  TrainingProgressBar bar(stderr);
  TrainCallbacks callbacks;
  callbacks.progress = [&](const TrainProgress& progress) { bar.update(progress); };
  callbacks.note = [&](const std::string& text) { bar.note(text); };
  stopRequested.store(false);
  // Ctrl-C, or a polite kill, saves a checkpoint first.
  auto previous = std::signal(SIGINT, requestStop);
  auto previousTerm = std::signal(SIGTERM, requestStop);
  TrainOutcome outcome;
  try {
    outcome = train(job, callbacks, &stopRequested);
  } catch (...) {
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);
    bar.finish();
    throw;
  }
  std::signal(SIGINT, previous);
  std::signal(SIGTERM, previousTerm);
  bar.finish();
  if (outcome.interrupted) {
    std::fprintf(stderr, "interrupted after %d epochs: saved %s; go on with `lofi train %s --out %s --resume`\n",
                 outcome.epochsDone, outcome.lastPath.c_str(), args.data.c_str(), args.out.c_str());
    std::fflush(stderr);
    std::exit(130);
  }
  std::fprintf(stderr, "trained %d epochs", outcome.epochsDone);
  if (outcome.bestValidationLoss) std::fprintf(stderr, "; best validation loss %.4f", *outcome.bestValidationLoss);
  std::fprintf(stderr, "; model: %s\n", outcome.bestPath.c_str());
}

}  // namespace

void addTrainCommand(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", kTrainSummary);
  cmd->add_option("data", args->data,
                  "MIDI file or folder (encoded with --encoding), or a tokens JSON ({\"files\": [{\"file\", \"tokens\"}]})")
      ->required();
  cmd->add_option("--encoding,-e", args->encoding, "Token encoding: classic or timed (default: as the JSON says, else classic)");
  cmd->add_option("--preset", args->preset, "Network: seed (the original's) or default (ours)")
      ->check(CLI::IsMember(presetNames()))
      ->capture_default_str();
  cmd->add_option("--epochs", args->epochs, "Epochs (default: 30, seed preset 200); with --resume, the new total")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--batch", args->batch, "Sequences per step (default: 64, seed preset 128)")->check(CLI::Range(1, 65536));
  cmd->add_option("--lr", args->learningRate, "Peak learning rate (default: 0.002 Adam, seed preset 0.001 RMSprop)")
      ->check(CLI::Range(1e-7, 10.0));
  cmd->add_option("--seq-len", args->sequenceLength, "Tokens per training window, default preset (default: 128)")
      ->check(CLI::Range(2, 65536));
  cmd->add_option("--embedding", args->embedding, "Embedding size, default preset (default: 128)")
      ->check(CLI::Range(1, 8192));
  cmd->add_option("--lstm", args->lstm, "LSTM sizes, comma-separated (default: 256; seed preset 256,512,256)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Range(1, 8192));
  cmd->add_option("--dropout", args->dropout, "Dropout (default: 0.3)")->check(CLI::Range(0.0, 0.9));
  auto* transpose = cmd->add_flag("--transpose", args->transpose,
                                  "Show each training piece in all twelve keys (the default preset does)");
  cmd->add_flag("--no-transpose", args->noTranspose, "Train on the pieces as written (the seed preset does)")
      ->excludes(transpose);
  cmd->add_option("--val", args->validation, "Share of pieces held out for validation")
      ->check(CLI::Range(0.0, 0.9))
      ->capture_default_str();
  cmd->add_option("--out,-o", args->out, "Folder for checkpoints, best model, log.json and loss.svg")->capture_default_str();
  cmd->add_option("--parts", args->parts,
                  "Train only on these MIDI parts, by track name, comma-separated, e.g. melody (default: every part); evaluate follows the model");
  cmd->add_flag("--resume", args->resume, "Go on from OUT/last.lofi with the same data order and optimizer state");
  cmd->add_option("--seed", args->seed, "Seed for the split, data order and initial weights")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Threads for training (0: every core)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
