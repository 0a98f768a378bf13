#include "model/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "common/atomic_file.h"
#include "model/model.h"
#include "model/training_log.h"
#include "music/classic/classic_encoding.h"
#include "tiny_models.h"

namespace lofi {
namespace {

using namespace classic;

using testing::TemporaryFolder;

double unigramEntropy(const TokenCorpus& corpus) {
  std::map<std::string, double> counts;
  double total = 0;
  for (const Piece& piece : corpus.pieces)
    for (const std::string& token : piece.tokens) {
      ++counts[token];
      ++total;
    }
  double entropy = 0;
  for (const auto& [token, count] : counts) entropy -= count / total * std::log(count / total);
  return entropy;
}

TEST(Trainer, LossFallsWellBelowTheUnigramEntropy) {
  TemporaryFolder folder;
  const TokenCorpus corpus = testing::patternCorpus(10, 30);
  const TrainOutcome outcome = train(testing::tinyJob(corpus, folder.path(), 30), {});
  const double entropy = unigramEntropy(corpus);
  ASSERT_TRUE(outcome.bestValidationLoss);
  EXPECT_GT(entropy, 2.5);
  EXPECT_LT(*outcome.bestValidationLoss, 0.4 * entropy) << "entropy " << entropy;
}

TEST(Trainer, WritesCheckpointBestModelLogAndPicture) {
  TemporaryFolder folder;
  std::vector<TrainProgress> reports;
  std::vector<std::string> notes;
  TrainCallbacks callbacks;
  callbacks.progress = [&](const TrainProgress& progress) { reports.push_back(progress); };
  callbacks.note = [&](const std::string& note) { notes.push_back(note); };
  const TrainOutcome outcome = train(testing::tinyJob(testing::patternCorpus(6, 10), folder.path(), 2), callbacks);
  EXPECT_FALSE(outcome.interrupted);
  EXPECT_EQ(outcome.epochsDone, 2);
  const ModelFile last = loadModelFile(folder.path("last.lofi"));
  ASSERT_TRUE(last.state);
  EXPECT_EQ(last.state->epoch, 2);
  EXPECT_FALSE(loadModelFile(folder.path("best.lofi")).state);
  const nlohmann::json log = nlohmann::json::parse(readFileToString(folder.path("log.json")));
  ASSERT_EQ(log["epochs"].size(), 2u);
  EXPECT_TRUE(log["epochs"][1]["validationLoss"].is_number());
  EXPECT_GT(log["epochs"][0]["tokensPerSecond"].get<double>(), 0);
  EXPECT_EQ(readFileToString(folder.path("loss.svg")).rfind("<svg", 0), 0u);
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.back().phase, TrainProgress::Phase::EpochDone);
  EXPECT_EQ(reports.back().epoch, 2);
  EXPECT_TRUE(reports.back().validationLoss);
  ASSERT_FALSE(notes.empty());
  EXPECT_NE(notes.front().find("vocabulary"), std::string::npos);
}

TEST(Trainer, ResumesAfterAnInterruptionExactlyAsIfNeverStopped) {
  const TokenCorpus corpus = testing::patternCorpus(6, 12);
  TemporaryFolder straight, interrupted;
  train(testing::tinyJob(corpus, straight.path(), 3), {});

  // Stop in the middle of the second epoch, as Ctrl-C does.
  std::atomic<bool> stop{false};
  TrainCallbacks callbacks;
  callbacks.progress = [&](const TrainProgress& progress) {
    if (progress.epoch == 2 && progress.step == 2) stop = true;
  };
  const TrainOutcome first = train(testing::tinyJob(corpus, interrupted.path(), 3), callbacks, &stop);
  ASSERT_TRUE(first.interrupted);
  EXPECT_EQ(first.epochsDone, 1);
  const ModelFile checkpoint = loadModelFile(interrupted.path("last.lofi"));
  ASSERT_TRUE(checkpoint.state);
  EXPECT_EQ(checkpoint.state->epoch, 1);
  EXPECT_EQ(checkpoint.state->step, 2);

  TrainJob resume = testing::tinyJob(corpus, interrupted.path(), 3);
  resume.resume = true;
  const TrainOutcome second = train(resume, {});
  EXPECT_FALSE(second.interrupted);
  EXPECT_EQ(second.epochsDone, 3);

  const ModelFile a = loadModelFile(straight.path("last.lofi"));
  const ModelFile b = loadModelFile(interrupted.path("last.lofi"));
  EXPECT_EQ(a.weights, b.weights);  // same data order, optimizer and dropout: the same numbers
  const TrainingLog logA = TrainingLog::fromJson(a.state->log), logB = TrainingLog::fromJson(b.state->log);
  ASSERT_EQ(logB.epochs.size(), 3u);
  for (int epoch = 0; epoch < 3; ++epoch) {
    EXPECT_EQ(logB.epochs[epoch].epoch, epoch + 1);
    EXPECT_EQ(logA.epochs[epoch].trainLoss, logB.epochs[epoch].trainLoss);
    EXPECT_EQ(logA.epochs[epoch].validationLoss, logB.epochs[epoch].validationLoss);
  }
}

TEST(Trainer, ResumeRefusesOtherDataAndAMissingCheckpoint) {
  TemporaryFolder folder;
  TrainJob job = testing::tinyJob(testing::patternCorpus(4, 6), folder.path(), 1);
  job.resume = true;
  EXPECT_THROW(train(job, {}), std::invalid_argument);
  job.resume = false;
  train(job, {});
  job.resume = true;
  job.corpus = testing::patternCorpus(5, 6);
  try {
    train(job, {});
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("data differs"), std::string::npos) << error.what();
  }
}

TEST(Trainer, SeedNetworkLearnsFromWindows) {
  TemporaryFolder folder;
  TrainJob job = testing::tinyJob(testing::patternCorpus(6, 12), folder.path(), 4);
  job.network = testing::tinySeedNetwork();
  job.settings.optimizer = OptimizerKind::RmsProp;
  job.settings.learningRate = 1e-2;
  std::vector<double> losses;
  TrainCallbacks callbacks;
  callbacks.progress = [&](const TrainProgress& progress) {
    if (progress.phase == TrainProgress::Phase::EpochDone) losses.push_back(progress.loss);
  };
  train(job, callbacks);
  ASSERT_EQ(losses.size(), 4u);
  EXPECT_LT(losses.back(), losses.front());
  const Model model = Model::load(folder.path("best.lofi"));
  EXPECT_EQ(model.vocabulary().specialCount(), 0u);
  EXPECT_FALSE(model.config().carriesState());
}

TEST(Trainer, TranspositionShowsEachTrainingPieceInTwelveKeys) {
  TemporaryFolder folder;
  TrainJob job = testing::tinyJob(testing::patternCorpus(5, 4), folder.path(), 1);
  job.settings.transpose = true;
  std::string description;
  TrainCallbacks callbacks;
  callbacks.note = [&](const std::string& note) {
    if (description.empty()) description = note;
  };
  train(job, callbacks);
  EXPECT_NE(description.find("4 training pieces (48 with transpositions)"), std::string::npos) << description;
  const Model model = Model::load(folder.path("best.lofi"));
  // The first note of a training piece appears in every key from five down to six up.
  const int pitch = *midiFromNoteName(job.corpus.pieces[std::stoi(model.file().trainPieces[0].substr(6))].tokens[0]);
  for (int shift = -5; shift <= 6; ++shift)
    EXPECT_TRUE(model.vocabulary().find(noteNameFromMidi(pitch + shift))) << shift;
}

TEST(Trainer, BadSettingsAreNamed) {
  TemporaryFolder folder;
  TrainJob job = testing::tinyJob(testing::patternCorpus(4, 4), folder.path(), 1);
  job.settings.batch = 0;
  EXPECT_THROW(train(job, {}), std::invalid_argument);
  job = testing::tinyJob(TokenCorpus{"classic", {}, {}}, folder.path(), 1);
  EXPECT_THROW(train(job, {}), std::invalid_argument);
}

}  // namespace
}  // namespace lofi
