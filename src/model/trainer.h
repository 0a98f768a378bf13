// Training a network on pieces of tokens, with a checkpoint after every epoch
// (written atomically), the best one by validation loss kept apart, a clean
// stop on request (Ctrl-C) and a resume that sees the same data in the same
// order with the same optimizer state. No LibTorch in this header.
//
// The output folder holds: last.lofi (checkpoint with the training state),
// best.lofi (best by validation loss), log.json and loss.svg.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "model/network_config.h"
#include "model/token_corpus.h"
#include "model/train_settings.h"

namespace lofi {

struct TrainJob {
  TokenCorpus corpus;
  TrainSettings settings;
  NetworkConfig network;
  std::string outputFolder;
  // Go on from outputFolder/last.lofi; its settings and network win, except the
  // number of epochs when `resumeEpochs` is given.
  bool resume = false;
  std::optional<int> resumeEpochs;
};

struct TrainProgress {
  enum class Phase { Training, Validating, EpochDone };
  Phase phase = Phase::Training;
  int epoch = 1;  // counted from 1
  int epochs = 1;
  std::int64_t step = 0;  // batches done in this epoch
  std::int64_t steps = 0;
  double loss = 0;  // mean over this epoch so far
  std::optional<double> validationLoss;  // the latest
  double tokensPerSecond = 0;
  double secondsLeft = 0;
  double learningRate = 0;
};

struct TrainCallbacks {
  std::function<void(const TrainProgress&)> progress;
  std::function<void(const std::string&)> note;  // one-line facts: data sizes, files written
};

struct TrainOutcome {
  bool interrupted = false;
  int epochsDone = 0;
  std::optional<double> bestValidationLoss;
  std::string lastPath;
  std::string bestPath;
};

inline constexpr const char* kLastCheckpointName = "last.lofi";
inline constexpr const char* kBestModelName = "best.lofi";

// Throws std::invalid_argument on bad settings or data, ModelFileError on a bad
// checkpoint. When `stop` becomes true, saves a checkpoint and returns with
// `interrupted` set.
TrainOutcome train(const TrainJob& job, const TrainCallbacks& callbacks, const std::atomic<bool>* stop = nullptr);

// For benchmarks: `steps` optimizer steps on the first batches of the first
// epoch after `warmupSteps` untimed ones, writing nothing.
struct TrainingSpeed {
  int steps = 0;
  std::int64_t tokens = 0;  // predicted tokens in the timed steps
  double seconds = 0;
  double lastLoss = 0;
  int threads = 0;
  double tokensPerSecond() const { return seconds > 0 ? tokens / seconds : 0; }
};
TrainingSpeed measureTrainingSpeed(const TrainJob& job, int steps, int warmupSteps = 1);

}  // namespace lofi
