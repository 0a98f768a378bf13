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

  TrainOutcome outcome;
  outcome.lastPath = run.lastPath;
  const auto sessionStart = Clock::now();
  std::int64_t sessionSteps = 0;
  int sessionEpochs = 0;
  double trainingSeconds = 0;
  const std::int64_t padIndex = run.trainSet->options().padIndex;
  std::optional<double> latestValidation;
  if (!run.log.epochs.empty()) latestValidation = run.log.epochs.back().validationLoss;
  double recordLossSum = 0;
  int recordSteps = 0;

  auto finishInterrupted = [&]() {
    saveModelFile(snapshot(run, true), run.lastPath);
    writeLog(run);
    outcome.interrupted = true;
    outcome.epochsDone = run.state.epoch;
    if (std::isfinite(run.state.bestValidationLoss)) outcome.bestValidationLoss = run.state.bestValidationLoss;
    if (fs::exists(run.bestPath)) outcome.bestPath = run.bestPath;
    return outcome;
  };

  while (run.state.epoch < run.settings.epochs) {
    const int epochIndex = run.state.epoch;
    const auto epochStart = Clock::now();
    const TokenDataset::Epoch epoch = run.trainSet->epoch(epochIndex, true);
    const auto steps = static_cast<std::int64_t>(epoch.size());
    std::int64_t epochTargetsThisSession = 0;
    double epochTrainingSeconds = 0;
    while (run.state.step < steps) {
      if (stop && stop->load()) return finishInterrupted();
      const auto stepStart = Clock::now();
      const double rate = learningRateAt(run.settings, run.state.globalStep, run.totalSteps);
      setLearningRate(*run.optimizer, rate);
      const Batch batch = epoch.batch(static_cast<std::size_t>(run.state.step));
      const double batchLoss = trainStep(run, batch, padIndex);
      if (!std::isfinite(batchLoss))
        throw std::runtime_error("training diverged at step " + std::to_string(run.state.globalStep) +
                                 " (loss is not finite): lower the learning rate");

      run.state.epochLossSum += batchLoss;
      run.state.epochTargets += batch.targetCount;
      ++run.state.step;
      ++run.state.globalStep;
      ++sessionSteps;
      epochTargetsThisSession += batch.targetCount;
      const double stepSeconds = secondsSince(stepStart);
      epochTrainingSeconds += stepSeconds;
      trainingSeconds += stepSeconds;
      recordLossSum += batchLoss / static_cast<double>(std::max<std::int64_t>(1, batch.targetCount));
      if (++recordSteps == kStepsPerLogRecord) {
        run.log.steps.push_back({run.state.globalStep, recordLossSum / recordSteps});
        recordLossSum = 0;
        recordSteps = 0;
      }
      if (callbacks.progress) {
        TrainProgress progress;
        progress.epoch = epochIndex + 1;
        progress.epochs = run.settings.epochs;
        progress.step = run.state.step;
        progress.steps = steps;
        progress.loss = run.state.epochLossSum / static_cast<double>(std::max<std::int64_t>(1, run.state.epochTargets));
        progress.validationLoss = latestValidation;
        progress.tokensPerSecond = epochTargetsThisSession / std::max(1e-9, epochTrainingSeconds);
        const std::int64_t stepsLeft =
            (steps - run.state.step) + static_cast<std::int64_t>(run.settings.epochs - epochIndex - 1) * steps;
        progress.secondsLeft = stepsLeft * (trainingSeconds / static_cast<double>(sessionSteps));
        progress.learningRate = rate;
        callbacks.progress(progress);
      }
    }

    if (callbacks.progress) {
      TrainProgress progress;
      progress.phase = TrainProgress::Phase::Validating;
      progress.epoch = epochIndex + 1;
      progress.epochs = run.settings.epochs;
      progress.step = progress.steps = steps;
      progress.loss = run.state.epochLossSum / static_cast<double>(std::max<std::int64_t>(1, run.state.epochTargets));
      progress.validationLoss = latestValidation;
      callbacks.progress(progress);
    }
    bool stopped = false;
    const std::optional<double> validation = validationLoss(run, stop, stopped);
    if (stopped) return finishInterrupted();
    latestValidation = validation;

    EpochRecord record;
    record.epoch = epochIndex + 1;
    record.trainLoss = run.state.epochLossSum / static_cast<double>(std::max<std::int64_t>(1, run.state.epochTargets));
    record.validationLoss = validation;
    record.seconds = secondsSince(epochStart);
    record.tokensPerSecond = epochTargetsThisSession / std::max(1e-9, epochTrainingSeconds);
    record.learningRate = learningRateAt(run.settings, run.state.globalStep - 1, run.totalSteps);
    run.log.epochs.push_back(record);

    run.state.epoch = epochIndex + 1;
    run.state.step = 0;
    run.state.epochLossSum = 0;
    run.state.epochTargets = 0;
    // Without held-out pieces the latest epoch counts as the best.
    const double score = validation.value_or(-static_cast<double>(run.state.epoch));
    if (score < run.state.bestValidationLoss || !validation) {
      run.state.bestValidationLoss = validation ? *validation : run.state.bestValidationLoss;
      saveModelFile(snapshot(run, false), run.bestPath);
    }
    saveModelFile(snapshot(run, true), run.lastPath);
    writeLog(run);
    if (callbacks.progress) {
      TrainProgress progress;
      progress.phase = TrainProgress::Phase::EpochDone;
      progress.epoch = record.epoch;
      progress.epochs = run.settings.epochs;
      progress.step = progress.steps = steps;
      progress.loss = record.trainLoss;
      progress.validationLoss = validation;
      progress.tokensPerSecond = record.tokensPerSecond;
      ++sessionEpochs;
      progress.secondsLeft = (run.settings.epochs - record.epoch) * (secondsSince(sessionStart) / sessionEpochs);
      progress.learningRate = record.learningRate;
      callbacks.progress(progress);
    }
  }
  outcome.epochsDone = run.state.epoch;
  if (std::isfinite(run.state.bestValidationLoss)) outcome.bestValidationLoss = run.state.bestValidationLoss;
  outcome.bestPath = fs::exists(run.bestPath) ? run.bestPath : "";
  if (callbacks.note) callbacks.note("wrote " + run.lastPath + ", " + run.bestPath + ", " + run.logPath + ", " + run.plotPath);
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
