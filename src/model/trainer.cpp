#include "model/trainer.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "common/atomic_file.h"
#include "model/dataset.h"
#include "model/model_file.h"
#include "model/network.h"
#include "model/torch_reference.h"
#include "model/training_data.h"
#include "model/training_log.h"

namespace lofi {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kStepsPerLogRecord = 10;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void validateSettings(const TrainSettings& settings) {
  auto fail = [](const std::string& why) { throw std::invalid_argument("training: " + why); };
  if (settings.epochs < 1 || settings.epochs > 100000) fail("epochs must be 1-100000");
  if (settings.batch < 1 || settings.batch > 65536) fail("batch must be 1-65536");
  if (!(settings.learningRate > 0) || settings.learningRate > 10) fail("learning rate must be in (0, 10]");
  if (settings.validationFraction < 0 || settings.validationFraction >= 1) fail("validation share must be in [0, 1)");
  if (settings.sequenceLength < 2 || settings.sequenceLength > 65536) fail("sequence length must be 2-65536");
  if (settings.gradientClip < 0) fail("gradient clip must not be negative");
  if (settings.warmupFraction < 0 || settings.warmupFraction >= 1) fail("warm-up share must be in [0, 1)");
  if (settings.finalLearningRate < 0 || settings.finalLearningRate > 1) fail("final learning rate share must be in [0, 1]");
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(LstmNetwork& network, const TrainSettings& settings) {
  if (settings.optimizer == OptimizerKind::RmsProp) {
    // Keras' RMSprop: rho 0.9, epsilon 1e-7.
    return std::make_unique<torch::optim::RMSprop>(
        network->parameters(), torch::optim::RMSpropOptions(settings.learningRate).alpha(0.9).eps(1e-7));
  }
  return std::make_unique<torch::optim::Adam>(network->parameters(), torch::optim::AdamOptions(settings.learningRate));
}

void setLearningRate(torch::optim::Optimizer& optimizer, double rate) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(rate);
}

std::string optimizerBytes(torch::optim::Optimizer& optimizer) {
  torch::serialize::OutputArchive archive;
  optimizer.save(archive);
  std::ostringstream stream;
  archive.save_to(stream);
  return stream.str();
}

void loadOptimizer(torch::optim::Optimizer& optimizer, const std::string& bytes) {
  torch::serialize::InputArchive archive;
  archive.load_from(bytes.data(), bytes.size());
  optimizer.load(archive);
}

std::string randomStateBytes() {
  auto generator = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(generator.mutex());
  const torch::Tensor state = generator.get_state().contiguous();
  return {reinterpret_cast<const char*>(state.data_ptr<std::uint8_t>()), static_cast<std::size_t>(state.numel())};
}

void restoreRandomState(const std::string& bytes) {
  torch::Tensor state = torch::empty({static_cast<std::int64_t>(bytes.size())}, torch::kUInt8);
  std::memcpy(state.data_ptr<std::uint8_t>(), bytes.data(), bytes.size());
  auto generator = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(generator.mutex());
  generator.set_state(state);
}

DatasetOptions datasetOptions(const TrainSettings& settings, const NetworkConfig& network, const Vocabulary& vocabulary) {
  DatasetOptions options;
  options.window = network.window;
  options.sequenceLength = settings.sequenceLength;
  options.batch = settings.batch;
  options.seed = settings.seed;
  options.padIndex = vocabulary.pad().value_or(-1);
  options.beginIndex = vocabulary.begin().value_or(-1);
  options.endIndex = vocabulary.end().value_or(-1);
  return options;
}

// Everything one run holds, fresh or resumed.
struct Run {
  std::string encoding;
  TrainSettings settings;
  NetworkConfig network;
  TrainingData data;
  LstmNetwork model{nullptr};
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  TrainingState state;
  TrainingLog log;
  std::unique_ptr<TokenDataset> trainSet;
  std::unique_ptr<TokenDataset> validationSet;
  std::string lastPath, bestPath, logPath, plotPath;
  std::int64_t totalSteps = 0;
};

ModelFile snapshot(Run& run, bool withState) {
  ModelFile file;
  file.encoding = run.encoding;
  file.vocabulary = run.data.vocabulary;
  file.network = run.network;
  file.training = run.settings;
  file.weights = run.model->exportWeights();
  file.primers = run.data.primers;
  file.trainPieces = run.data.trainPieces;
  file.validationPieces = run.data.validationPieces;
  file.dataFingerprint = run.data.fingerprint;
  if (withState) {
    TrainingState state = run.state;
    state.optimizer = optimizerBytes(*run.optimizer);
    state.randomState = randomStateBytes();
    state.log = run.log.toJson();
    file.state = std::move(state);
  }
  return file;
}

void writeLog(Run& run) {
  nlohmann::json json = {{"encoding", run.encoding},
                         {"network", toJson(run.network)},
                         {"training", toJson(run.settings)},
                         {"vocabulary", run.data.vocabulary.size()},
                         {"trainPieces", run.data.trainPieces.size()},
                         {"trainSequences", run.data.train.size()},
                         {"validationPieces", run.data.validationPieces.size()}};
  json.update(run.log.toJson());
  writeFileAtomically(run.logPath, json.dump(1) + "\n");
  writeFileAtomically(run.plotPath, lossCurvesSvg(run.log, run.network.preset + " preset, " + run.encoding + " tokens"));
}

void prepareData(Run& run, const TokenCorpus& corpus) {
  run.data = prepareTrainingData(corpus, run.settings, run.network);
  const DatasetOptions options = datasetOptions(run.settings, run.network, run.data.vocabulary);
  run.trainSet = std::make_unique<TokenDataset>(run.data.train, options);
  run.validationSet = std::make_unique<TokenDataset>(run.data.validation, options);
  if (run.trainSet->empty())
    throw std::invalid_argument("training: the training pieces are too short for the network's window of " +
                                std::to_string(run.network.window) + " tokens");
  run.totalSteps = static_cast<std::int64_t>(run.trainSet->batchesPerEpoch()) * run.settings.epochs;
}

void startFresh(Run& run, const TrainJob& job) {
  run.encoding = job.corpus.encoding;
  run.settings = job.settings;
  run.network = job.network;
  validateSettings(run.settings);
  prepareData(run, job.corpus);
  torch::manual_seed(run.settings.seed);
  run.model = LstmNetwork(run.network, static_cast<int>(run.data.vocabulary.size()));
  if (run.network.preset == "seed") run.model->initializeLikeKeras();
  run.optimizer = makeOptimizer(run.model, run.settings);
}

void resumeFrom(Run& run, const TrainJob& job) {
  const ModelFile checkpoint = loadModelFile(run.lastPath);
  if (!checkpoint.state) throw ModelFileError(run.lastPath + ": holds no training state to resume from");
  if (checkpoint.encoding != job.corpus.encoding)
    throw std::invalid_argument("resume: the checkpoint was trained on '" + checkpoint.encoding + "' tokens, the data is '" +
                                job.corpus.encoding + "'");
  if (checkpoint.dataFingerprint != corpusFingerprint(job.corpus))
    throw std::invalid_argument("resume: the data differs from the data " + run.lastPath + " was trained on");
  run.encoding = checkpoint.encoding;
  run.settings = checkpoint.training;
  if (job.resumeEpochs) run.settings.epochs = *job.resumeEpochs;
  run.network = checkpoint.network;
  validateSettings(run.settings);
  prepareData(run, job.corpus);
  if (!(run.data.vocabulary == checkpoint.vocabulary))
    throw std::invalid_argument("resume: the data gives another vocabulary than the checkpoint's");
  run.model = LstmNetwork(run.network, static_cast<int>(run.data.vocabulary.size()));
  run.model->importWeights(checkpoint.weights);
  run.optimizer = makeOptimizer(run.model, run.settings);
  try {
    if (!checkpoint.state->optimizer.empty()) loadOptimizer(*run.optimizer, checkpoint.state->optimizer);
    if (!checkpoint.state->randomState.empty()) restoreRandomState(checkpoint.state->randomState);
  } catch (const c10::Error& error) {
    throw ModelFileError(run.lastPath + ": unreadable optimizer or random state: " + error.what_without_backtrace());
  }
  run.state = *checkpoint.state;
  run.log = TrainingLog::fromJson(checkpoint.state->log);
}

// One optimizer step on a batch; returns the summed loss of its targets.
double trainStep(Run& run, const Batch& batch, std::int64_t padIndex) {
  run.optimizer->zero_grad();
  const torch::Tensor sum = summedLoss(run.model, batch, padIndex);
  const double batchLoss = sum.item<double>();
  (sum / static_cast<double>(std::max<std::int64_t>(1, batch.targetCount))).backward();
  if (run.settings.gradientClip > 0) torch::nn::utils::clip_grad_norm_(run.model->parameters(), run.settings.gradientClip);
  run.optimizer->step();
  return batchLoss;
}

// Mean loss per target over the validation pieces, or nullopt without any.
std::optional<double> validationLoss(Run& run, const std::atomic<bool>* stop, bool& stopped) {
  if (run.validationSet->empty()) return std::nullopt;
  torch::NoGradGuard noGrad;
  run.model->eval();
  const TokenDataset::Epoch epoch = run.validationSet->epoch(0, false);
  double sum = 0;
  std::int64_t targets = 0;
  for (std::size_t step = 0; step < epoch.size(); ++step) {
    if (stop && stop->load()) {
      stopped = true;
      break;
    }
    const Batch batch = epoch.batch(step);
    sum += summedLoss(run.model, batch, run.trainSet->options().padIndex).item<double>();
    targets += batch.targetCount;
  }
  run.model->train();
  if (stopped || targets == 0) return std::nullopt;
  return sum / static_cast<double>(targets);
}

void describeData(const Run& run, const TrainCallbacks& callbacks) {
  if (!callbacks.note) return;
  std::ostringstream text;
  text << run.data.trainPieces.size() << " training pieces";
  if (run.data.transposed) text << " (" << run.data.train.size() << " with transpositions)";
  else if (run.settings.transpose) text << " (no transposer for '" << run.encoding << "' tokens: not transposed)";
  text << ", " << run.data.validationPieces.size() << " held out; vocabulary " << run.data.vocabulary.size() << "; "
       << run.trainSet->targetsPerEpoch() << " tokens and " << run.trainSet->batchesPerEpoch() << " steps per epoch; "
       << parameterCount(run.network, static_cast<std::int64_t>(run.data.vocabulary.size())) << " parameters; "
       << trainingThreads() << " threads";
  callbacks.note(text.str());
}

}  // namespace

namespace {

// One call of train(): the run, plus what this session has measured.
class Session {
 public:
  Session(Run& run, const TrainCallbacks& callbacks, const std::atomic<bool>* stop)
      : run_(run), callbacks_(callbacks), stop_(stop), padIndex_(run.trainSet->options().padIndex) {
    if (!run_.log.epochs.empty()) latestValidation_ = run_.log.epochs.back().validationLoss;
    rate_ = learningRateAt(run_.settings, std::max<std::int64_t>(0, run_.state.globalStep - 1), run_.totalSteps);
  }

  // Trains the epochs left; false if stopped (a checkpoint is then saved).
  bool trainRemainingEpochs() {
    while (run_.state.epoch < run_.settings.epochs) {
      const auto epochStart = Clock::now();
      const TokenDataset::Epoch epoch = run_.trainSet->epoch(run_.state.epoch, true);
      epochTargets_ = 0;
      epochSeconds_ = 0;
      if (!trainSteps(epoch)) return interrupted();
      report(TrainProgress::Phase::Validating, static_cast<std::int64_t>(epoch.size()));
      bool stopped = false;
      const std::optional<double> validation = validationLoss(run_, stop_, stopped);
      if (stopped) return interrupted();
      finishEpoch(validation, secondsSince(epochStart), static_cast<std::int64_t>(epoch.size()));
    }
    return true;
  }

 private:
  bool stopRequested() const { return stop_ && stop_->load(); }

  double epochLoss() const {
    return run_.state.epochLossSum / static_cast<double>(std::max<std::int64_t>(1, run_.state.epochTargets));
  }

  bool trainSteps(const TokenDataset::Epoch& epoch) {
    const auto steps = static_cast<std::int64_t>(epoch.size());
    while (run_.state.step < steps) {
      if (stopRequested()) return false;
      const auto stepStart = Clock::now();
      rate_ = learningRateAt(run_.settings, run_.state.globalStep, run_.totalSteps);
      setLearningRate(*run_.optimizer, rate_);
      const Batch batch = epoch.batch(static_cast<std::size_t>(run_.state.step));
      const double batchLoss = trainStep(run_, batch, padIndex_);
      if (!std::isfinite(batchLoss))
        throw std::runtime_error("training diverged at step " + std::to_string(run_.state.globalStep) +
                                 " (loss is not finite): lower the learning rate");
      run_.state.epochLossSum += batchLoss;
      run_.state.epochTargets += batch.targetCount;
      ++run_.state.step;
      ++run_.state.globalStep;
      ++sessionSteps_;
      epochTargets_ += batch.targetCount;
      const double seconds = secondsSince(stepStart);
      epochSeconds_ += seconds;
      trainingSeconds_ += seconds;
      recordStepLoss(batchLoss / static_cast<double>(std::max<std::int64_t>(1, batch.targetCount)));
      report(TrainProgress::Phase::Training, steps);
    }
    return true;
  }

  // The log keeps the mean loss of every kStepsPerLogRecord steps.
  void recordStepLoss(double loss) {
    recordLossSum_ += loss;
    if (++recordSteps_ < kStepsPerLogRecord) return;
    run_.log.steps.push_back({run_.state.globalStep, recordLossSum_ / recordSteps_});
    recordLossSum_ = 0;
    recordSteps_ = 0;
  }

  void finishEpoch(const std::optional<double>& validation, double seconds, std::int64_t steps) {
    latestValidation_ = validation;
    EpochRecord record;
    record.epoch = run_.state.epoch + 1;
    record.trainLoss = epochLoss();
    record.validationLoss = validation;
    record.seconds = seconds;
    record.tokensPerSecond = tokensPerSecond();
    record.learningRate = rate_;
    run_.log.epochs.push_back(record);

    run_.state.epoch = record.epoch;
    run_.state.step = 0;
    run_.state.epochLossSum = 0;
    run_.state.epochTargets = 0;
    // Without held-out pieces the latest epoch counts as the best.
    if (!validation || *validation < run_.state.bestValidationLoss) {
      if (validation) run_.state.bestValidationLoss = *validation;
      saveModelFile(snapshot(run_, false), run_.bestPath);
    }
    saveModelFile(snapshot(run_, true), run_.lastPath);
    writeLog(run_);
    ++sessionEpochs_;
    report(TrainProgress::Phase::EpochDone, steps, record.trainLoss);
  }

  bool interrupted() {
    saveModelFile(snapshot(run_, true), run_.lastPath);
    writeLog(run_);
    return false;
  }

  double tokensPerSecond() const { return static_cast<double>(epochTargets_) / std::max(1e-9, epochSeconds_); }

  void report(TrainProgress::Phase phase, std::int64_t steps, std::optional<double> loss = std::nullopt) const {
    if (!callbacks_.progress) return;
    TrainProgress progress;
    progress.phase = phase;
    progress.epochs = run_.settings.epochs;
    progress.steps = steps;
    progress.validationLoss = latestValidation_;
    progress.tokensPerSecond = tokensPerSecond();
    progress.learningRate = rate_;
    if (phase == TrainProgress::Phase::EpochDone) {
      progress.epoch = run_.state.epoch;
      progress.step = steps;
      progress.loss = loss.value_or(0);
      progress.secondsLeft = (run_.settings.epochs - run_.state.epoch) * (secondsSince(sessionStart_) / sessionEpochs_);
    } else {
      progress.epoch = run_.state.epoch + 1;
      progress.step = phase == TrainProgress::Phase::Validating ? steps : run_.state.step;
      progress.loss = epochLoss();
      const std::int64_t stepsLeft =
          (steps - run_.state.step) + static_cast<std::int64_t>(run_.settings.epochs - run_.state.epoch - 1) * steps;
      progress.secondsLeft = sessionSteps_ > 0 ? stepsLeft * (trainingSeconds_ / static_cast<double>(sessionSteps_)) : 0;
    }
    callbacks_.progress(progress);
  }

  Run& run_;
  const TrainCallbacks& callbacks_;
  const std::atomic<bool>* stop_;
  const std::int64_t padIndex_;
  const Clock::time_point sessionStart_ = Clock::now();
  std::optional<double> latestValidation_;
  std::int64_t sessionSteps_ = 0;
  int sessionEpochs_ = 0;
  double trainingSeconds_ = 0;
  std::int64_t epochTargets_ = 0;  // predicted in this session, this epoch
  double epochSeconds_ = 0;
  double rate_ = 0;
  double recordLossSum_ = 0;
  int recordSteps_ = 0;
};

}  // namespace

TrainOutcome train(const TrainJob& job, const TrainCallbacks& callbacks, const std::atomic<bool>* stop) {
  namespace fs = std::filesystem;
  Run run;
  fs::create_directories(job.outputFolder);
  run.lastPath = (fs::path(job.outputFolder) / kLastCheckpointName).string();
  run.bestPath = (fs::path(job.outputFolder) / kBestModelName).string();
  run.logPath = (fs::path(job.outputFolder) / "log.json").string();
  run.plotPath = (fs::path(job.outputFolder) / "loss.svg").string();
  if (job.resume) {
    if (!fs::exists(run.lastPath)) throw std::invalid_argument("resume: no checkpoint at " + run.lastPath);
    resumeFrom(run, job);
  } else {
    startFresh(run, job);
  }
  setTrainingThreads(run.settings.threads);
  describeData(run, callbacks);
  run.model->train();

  Session session(run, callbacks, stop);
  TrainOutcome outcome;
  outcome.interrupted = !session.trainRemainingEpochs();
  outcome.lastPath = run.lastPath;
  outcome.epochsDone = run.state.epoch;
  if (std::isfinite(run.state.bestValidationLoss)) outcome.bestValidationLoss = run.state.bestValidationLoss;
  if (fs::exists(run.bestPath)) outcome.bestPath = run.bestPath;
  if (!outcome.interrupted && callbacks.note)
    callbacks.note("wrote " + run.lastPath + ", " + run.bestPath + ", " + run.logPath + ", " + run.plotPath);
  return outcome;
}

TrainingSpeed measureTrainingSpeed(const TrainJob& job, int steps, int warmupSteps) {
  Run run;
  startFresh(run, job);
  setTrainingThreads(run.settings.threads);
  run.model->train();
  const TokenDataset::Epoch epoch = run.trainSet->epoch(0, true);
  const std::int64_t padIndex = run.trainSet->options().padIndex;
  TrainingSpeed speed;
  speed.threads = trainingThreads();
  Clock::time_point start = Clock::now();
  for (int step = 0; step < warmupSteps + steps; ++step) {
    if (step == warmupSteps) start = Clock::now();
    const Batch batch = epoch.batch(static_cast<std::size_t>(step) % epoch.size());
    const double loss = trainStep(run, batch, padIndex);
    if (step >= warmupSteps) {
      speed.tokens += batch.targetCount;
      speed.lastLoss = loss / static_cast<double>(std::max<std::int64_t>(1, batch.targetCount));
    }
  }
  speed.seconds = secondsSince(start);
  speed.steps = steps;
  return speed;
}

}  // namespace lofi
