// `lofi train`, `lofi generate` and `lofi evaluate` run as a user runs them,
// with tiny networks so that each test takes a few seconds.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "common/atomic_file.h"
#include "model/model_file.h"
#include "tiny_models.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exitCode = -1;
  std::string out;
  std::string err;
};

const char* kTinyNetwork = " --embedding 16 --lstm 24 --batch 8 --seq-len 32 --threads 1 ";

class ModelCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const TokenCorpus corpus = testing::patternCorpus(8, 10);
    nlohmann::json json = {{"encoding", "classic"}, {"files", nlohmann::json::array()}};
    for (const Piece& piece : corpus.pieces) json["files"].push_back({{"file", piece.name}, {"tokens", piece.tokens}});
    writeFileAtomically(folder_.path("tokens.json"), json.dump());
  }

  Outcome lofi(const std::string& arguments) const {
    const std::string out = folder_.path("stdout"), err = folder_.path("stderr");
    const int status = std::system((std::string(LOFI_BINARY) + " " + arguments + " > " + out + " 2> " + err).c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readFileToString(out), readFileToString(err)};
  }

  std::string tokens() const { return folder_.path("tokens.json"); }
  std::string run() const { return folder_.path("run"); }
  testing::TemporaryFolder folder_;
};

TEST_F(ModelCliTest, TrainsFromTokensJsonAndEvaluatesHeldOutPieces) {
  const Outcome trained = lofi("train " + tokens() + kTinyNetwork + "--epochs 2 --out " + run());
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  EXPECT_NE(trained.err.find("read 8 pieces"), std::string::npos) << trained.err;
  EXPECT_NE(trained.err.find("7 training pieces (84 with transpositions)"), std::string::npos) << trained.err;
  EXPECT_NE(trained.err.find("epoch 2/2"), std::string::npos) << trained.err;
  for (const char* file : {"last.lofi", "best.lofi", "log.json", "loss.svg"}) EXPECT_TRUE(fs::exists(run() + "/" + file)) << file;

  const Outcome evaluated = lofi("evaluate --model " + run() + "/best.lofi " + tokens() + " --novelty 2 --tokens 30 --json");
  ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
  const nlohmann::json report = nlohmann::json::parse(evaluated.out);
  EXPECT_EQ(report["pieces"], 1);  // one of eight held out; the seven others trained the model
  EXPECT_EQ(report["leftOutTrainingPieces"], 7);
  EXPECT_GT(report["perplexity"].get<double>(), 1.0);
  EXPECT_EQ(report["novelty"].size(), 2u);
  // lofi stats figures of the generated pieces beside the held-out ones.
  ASSERT_TRUE(report.contains("stats")) << evaluated.out;
  EXPECT_GT(report["stats"]["data"]["notes"].get<int>(), 0);
  EXPECT_GE(report["stats"]["generated"]["scale_consistency"].get<double>(), 0.0);
  EXPECT_LE(report["stats"]["generated"]["scale_consistency"].get<double>(), 1.0);
}

TEST_F(ModelCliTest, NoTransposeTrainsOnThePiecesAsWritten) {
  const Outcome trained = lofi("train " + tokens() + kTinyNetwork + "--epochs 1 --no-transpose --out " + run());
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  EXPECT_NE(trained.err.find("7 training pieces, 1 held out"), std::string::npos) << trained.err;
}

TEST_F(ModelCliTest, GeneratesTheSameTrackForTheSameSeed) {
  ASSERT_EQ(lofi("train " + tokens() + kTinyNetwork + "--epochs 1 --out " + run()).exitCode, 0);
  const std::string generate = "generate --model " + run() + "/best.lofi --tokens 40 --json --seed ";
  const Outcome first = lofi(generate + "7");
  ASSERT_EQ(first.exitCode, 0) << first.err;
  const nlohmann::json track = nlohmann::json::parse(first.out);
  EXPECT_EQ(track["tokens"].size(), 40u);
  ASSERT_FALSE(track["notes"].empty());
  EXPECT_TRUE(track["notes"][0].contains("time"));
  EXPECT_EQ(lofi(generate + "7").out, first.out);
  EXPECT_NE(lofi(generate + "8").out, first.out);
  const Outcome midi = lofi("generate --model " + run() + "/best.lofi --bars 4 --seed 2 --out " + folder_.path("t.mid"));
  ASSERT_EQ(midi.exitCode, 0) << midi.err;
  EXPECT_EQ(readFileToString(folder_.path("t.mid")).substr(0, 4), "MThd");
}

TEST_F(ModelCliTest, BadModelFileIsOneClearLine) {
  writeFileAtomically(folder_.path("bad.lofi"), std::string("LOFIMODL\1\0\0\0garbage", 19));
  const Outcome bad = lofi("generate --model " + folder_.path("bad.lofi") + " --tokens 5");
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.err.find("lofi: error: " + folder_.path("bad.lofi") + ": damaged or truncated"), std::string::npos) << bad.err;
  const Outcome midi = lofi("evaluate --model " + tokens() + " " + tokens());
  EXPECT_EQ(midi.exitCode, 1);
  EXPECT_NE(midi.err.find("not a lofi model file"), std::string::npos) << midi.err;
}

TEST_F(ModelCliTest, CtrlCSavesACheckpointAndResumeGoesOn) {
  const std::string arguments =
      std::string(LOFI_BINARY) + " train " + tokens() + kTinyNetwork + "--epochs 100000 --out " + run();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::freopen(folder_.path("train.err").c_str(), "w", stderr);
    execl("/bin/sh", "sh", "-c", ("exec " + arguments).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Once the first epoch's checkpoint is there, press Ctrl-C.
  for (int wait = 0; wait < 600 && !fs::exists(run() + "/last.lofi"); ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(fs::exists(run() + "/last.lofi"));
  kill(child, SIGINT);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130) << readFileToString(folder_.path("train.err"));
  EXPECT_NE(readFileToString(folder_.path("train.err")).find("--resume"), std::string::npos);

  const ModelFile checkpoint = loadModelFile(run() + "/last.lofi");
  ASSERT_TRUE(checkpoint.state);
  const int target = checkpoint.state->epoch + 1;
  const Outcome resumed =
      lofi("train " + tokens() + " --out " + run() + " --resume --epochs " + std::to_string(target));
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  const nlohmann::json log = nlohmann::json::parse(readFileToString(run() + "/log.json"));
  ASSERT_EQ(log["epochs"].size(), static_cast<std::size_t>(target));
  for (int epoch = 0; epoch < target; ++epoch) EXPECT_EQ(log["epochs"][epoch]["epoch"], epoch + 1);
}

}  // namespace
}  // namespace lofi
