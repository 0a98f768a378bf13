#include "model/model_file.h"

#include <gtest/gtest.h>

#include "model/byte_stream.h"
#include "model/default_model.h"
#include "model/model.h"
#include "common/seeded_random.h"
#include "tiny_models.h"

namespace lofi {
namespace {

using testing::patternCorpus;
using testing::tinyNetwork;
using testing::untrainedModelFile;

ModelFile sampleFile(bool withState) {
  ModelFile file = untrainedModelFile(tinyNetwork(), patternCorpus(3, 4));
  file.trainPieces = {"a.mid", "b.mid"};
  file.validationPieces = {"c.mid"};
  file.dataFingerprint = 0x1234567890ABCDEFULL;
  if (withState) {
    TrainingState state;
    state.epoch = 2;
    state.step = 5;
    state.globalStep = 17;
    state.bestValidationLoss = 1.25;
    state.optimizer = std::string("\0optimizer\xff", 11);
    state.randomState = "rng";
    state.log = {{"epochs", nlohmann::json::array()}, {"steps", nlohmann::json::array()}};
    file.state = state;
  }
  return file;
}

// The message of the ModelFileError that parsing `bytes` throws.
std::string errorOf(std::string_view bytes) {
  try {
    parseModelFile(bytes, "broken.lofi");
  } catch (const ModelFileError& error) {
    return error.what();
  }
  return "";
}

// Rewrites the trailing checksum so that a deliberate change reaches the checks behind it.
std::string withChecksum(std::string bytes) {
  bytes.resize(bytes.size() - 4);
  const std::uint32_t crc = crc32(bytes);
  for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<char>((crc >> (8 * i)) & 0xFF));
  return bytes;
}

TEST(ModelFile, RoundTripsEveryField) {
  for (bool withState : {false, true}) {
    const ModelFile original = sampleFile(withState);
    const std::string bytes = serializeModelFile(original);
    const ModelFile loaded = parseModelFile(bytes, "model.lofi");
    EXPECT_EQ(loaded.encoding, original.encoding);
    EXPECT_EQ(loaded.vocabulary, original.vocabulary);
    EXPECT_EQ(loaded.network, original.network);
    EXPECT_EQ(loaded.training, original.training);
    EXPECT_EQ(loaded.weights, original.weights);
    EXPECT_EQ(loaded.primers, original.primers);
    EXPECT_EQ(loaded.trainPieces, original.trainPieces);
    EXPECT_EQ(loaded.validationPieces, original.validationPieces);
    EXPECT_EQ(loaded.dataFingerprint, original.dataFingerprint);
    ASSERT_EQ(loaded.state.has_value(), withState);
    if (withState) {
      EXPECT_EQ(loaded.state->optimizer, original.state->optimizer);
      EXPECT_EQ(loaded.state->randomState, original.state->randomState);
      EXPECT_EQ(loaded.state->globalStep, 17);
      EXPECT_EQ(loaded.state->bestValidationLoss, 1.25);
    }
    EXPECT_EQ(serializeModelFile(loaded), bytes);  // byte for byte
  }
}

TEST(ModelFile, SavedAndLoadedModelGivesTheSameLogits) {
  testing::TemporaryFolder folder;
  const ModelFile original = sampleFile(false);
  saveModelFile(original, folder.path("model.lofi"));
  const Model before(original);
  const Model after = Model::load(folder.path("model.lofi"));
  const std::vector<int> tokens = {1, 5, 7, 9, 4};
  auto logitsOf = [&](const Model& model) {
    InferenceNetwork::State state = model.network().zeroState(1);
    std::vector<float> logits(model.vocabulary().size());
    std::vector<float> all;
    for (int token : tokens) {
      model.network().step(std::span<const int>(&token, 1), state, logits);
      all.insert(all.end(), logits.begin(), logits.end());
    }
    return all;
  };
  EXPECT_EQ(logitsOf(before), logitsOf(after));
}

TEST(ModelFile, NotAModelFileSaysSo) {
  EXPECT_NE(errorOf("MThd\0\0\0\6").find("not a lofi model file"), std::string::npos);
  EXPECT_NE(errorOf("").find("not a lofi model file"), std::string::npos);
  EXPECT_NE(errorOf("LOFIMODL").find("truncated"), std::string::npos);
}

TEST(ModelFile, OtherVersionSaysWhichVersion) {
  std::string bytes = serializeModelFile(sampleFile(false));
  bytes[8] = 9;
  EXPECT_NE(errorOf(bytes).find("version 9"), std::string::npos) << errorOf(bytes);
}

TEST(ModelFile, TruncatedOrDamagedFileIsAClearError) {
  const std::string bytes = serializeModelFile(sampleFile(true));
  for (std::size_t length : {std::size_t{12}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    const std::string message = errorOf(std::string_view(bytes).substr(0, length));
    EXPECT_NE(message.find("broken.lofi"), std::string::npos) << length;
    EXPECT_TRUE(message.find("checksum") != std::string::npos || message.find("truncated") != std::string::npos)
        << length << ": " << message;
  }
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  EXPECT_NE(errorOf(flipped).find("checksum"), std::string::npos);
}

TEST(ModelFile, SectionClaimingTooManyBytesIsTruncation) {
  std::string bytes = serializeModelFile(sampleFile(false));
  bytes[12 + 4 + 6] = 0x7F;  // META's length, high byte: far beyond the file
  const std::string message = errorOf(withChecksum(bytes));
  EXPECT_NE(message.find("section META"), std::string::npos) << message;
  EXPECT_NE(message.find("claims"), std::string::npos) << message;
}

TEST(ModelFile, WeightsThatDoNotFitTheNetworkAreNamed) {
  ModelFile file = sampleFile(false);
  for (NamedTensor& tensor : file.weights)
    if (tensor.name == "lstm0.weight_hh") {
      tensor.shape = {128, 16};
      tensor.values.resize(128 * 16);
    }
  const std::string message = errorOf(serializeModelFile(file));
  EXPECT_NE(message.find("lstm0.weight_hh"), std::string::npos) << message;
  EXPECT_NE(message.find("[128, 16]"), std::string::npos) << message;

  ModelFile missing = sampleFile(false);
  missing.weights.pop_back();
  EXPECT_NE(errorOf(serializeModelFile(missing)).find("tensors"), std::string::npos);

  ModelFile seedWithSpecials = sampleFile(false);
  seedWithSpecials.network = testing::tinySeedNetwork();
  EXPECT_NE(errorOf(serializeModelFile(seedWithSpecials)).find("special tokens"), std::string::npos);
}

TEST(ModelFile, RandomDamageNeverCrashes) {
  const std::string bytes = serializeModelFile(sampleFile(true));
  SeededRandom random(99);
  for (int trial = 0; trial < 300; ++trial) {
    std::string damaged = bytes;
    const int changes = 1 + static_cast<int>(random.below(4));
    for (int change = 0; change < changes; ++change) damaged[random.below(damaged.size())] = static_cast<char>(random.next());
    if (trial % 3 == 0) damaged.resize(random.below(damaged.size()));
    // With the checksum repaired the damage reaches the parser itself.
    if (trial % 2 == 0 && damaged.size() >= 4) damaged = withChecksum(damaged);
    try {
      const ModelFile file = parseModelFile(damaged, "damaged.lofi");
      Model model(file);  // whatever parses must also build
    } catch (const ModelFileError& error) {
      EXPECT_NE(std::string(error.what()).find("damaged.lofi"), std::string::npos);
    }
  }
}

TEST(ModelFile, MissingFileNamesThePath) {
  try {
    loadModelFile("/nonexistent/model.lofi");
    FAIL();
  } catch (const ModelFileError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/model.lofi"), std::string::npos);
  }
}

}  // namespace
}  // namespace lofi

namespace lofi {
namespace {

TEST(DefaultModel, ComesFromLofiModelOrSaysHowToGetOne) {
  testing::TemporaryFolder folder;
  unsetenv("LOFI_MODEL");
  if (!embeddedDefaultModel()) {
    try {
      loadDefaultModel();
      FAIL();
    } catch (const ModelFileError& error) {
      EXPECT_NE(std::string(error.what()).find("LOFI_MODEL"), std::string::npos);
    }
  }
  saveModelFile(sampleFile(false), folder.path("model.lofi"));
  setenv("LOFI_MODEL", folder.path("model.lofi").c_str(), 1);
  EXPECT_EQ(loadDefaultModel().file().dataFingerprint, sampleFile(false).dataFingerprint);
  EXPECT_EQ(defaultModelSource(), folder.path("model.lofi"));
  unsetenv("LOFI_MODEL");
}

}  // namespace
}  // namespace lofi
