#include "model/model_file.h"

#include <cmath>

#include "common/atomic_file.h"
#include "model/byte_stream.h"
#include "model/training_data.h"

namespace lofi {
namespace {

constexpr std::string_view kMagic = "LOFIMODL";
constexpr std::size_t kMaxNameLength = 256;
constexpr std::size_t kMaxRank = 4;

std::string sectionTag(std::string_view tag) { return std::string(tag.substr(0, 4)); }

void writeSection(ByteWriter& out, std::string_view tag, std::string_view content) {
  out.raw(tag);
  out.u64(content.size());
  out.raw(content);
}

std::string encodeWeights(const Weights& weights) {
  ByteWriter out;
  out.u32(static_cast<std::uint32_t>(weights.size()));
  for (const NamedTensor& tensor : weights) {
    out.u16(static_cast<std::uint16_t>(tensor.name.size()));
    out.raw(tensor.name);
    out.u8(static_cast<std::uint8_t>(tensor.shape.size()));
    for (std::int64_t dimension : tensor.shape) out.u64(static_cast<std::uint64_t>(dimension));
    out.floats(tensor.values.data(), tensor.values.size());
  }
  return std::move(out.bytes());
}

Weights decodeWeights(ByteReader& in) {
  const std::uint32_t count = in.u32();
  Weights weights;
  for (std::uint32_t index = 0; index < count; ++index) {
    NamedTensor tensor;
    const std::uint16_t nameLength = in.u16();
    if (nameLength == 0 || nameLength > kMaxNameLength)
      throw std::invalid_argument("tensor " + std::to_string(index) + " has a name of " + std::to_string(nameLength) +
                                  " bytes");
    tensor.name = std::string(in.raw(nameLength));
    const std::uint8_t rank = in.u8();
    if (rank == 0 || rank > kMaxRank)
      throw std::invalid_argument("tensor '" + tensor.name + "' has rank " + std::to_string(rank));
    std::uint64_t elements = 1;
    for (std::uint8_t axis = 0; axis < rank; ++axis) {
      const std::uint64_t dimension = in.u64();
      // Bounded by the bytes that are left, so a hostile size cannot make us allocate.
      if (dimension == 0 || dimension > in.remaining() || elements * dimension > in.remaining() / sizeof(float))
        throw std::invalid_argument("tensor '" + tensor.name + "' claims more values than the file holds (byte " +
                                    std::to_string(in.offset()) + ")");
      elements *= dimension;
      tensor.shape.push_back(static_cast<std::int64_t>(dimension));
    }
    tensor.values.resize(elements);
    in.floats(tensor.values.data(), elements);
    for (float value : tensor.values)
      if (!std::isfinite(value)) throw std::invalid_argument("tensor '" + tensor.name + "' holds a value that is not finite");
    weights.push_back(std::move(tensor));
  }
  return weights;
}

nlohmann::json metadataJson(const ModelFile& model) {
  return {{"encoding", model.encoding},
          {"vocabulary", model.vocabulary.tokens()},
          {"specialTokens", model.vocabulary.specialCount()},
          {"network", toJson(model.network)},
          {"training", toJson(model.training)},
          {"primers", model.primers},
          {"trainPieces", model.trainPieces},
          {"validationPieces", model.validationPieces},
          {"dataFingerprint", model.dataFingerprint}};
}

void readMetadata(const nlohmann::json& json, ModelFile& model) {
  try {
    model.encoding = json.at("encoding").get<std::string>();
    model.vocabulary = Vocabulary::fromList(json.at("vocabulary").get<std::vector<std::string>>(),
                                            json.at("specialTokens").get<std::size_t>());
    model.network = networkConfigFromJson(json.at("network"));
    model.training = trainSettingsFromJson(json.at("training"));
    model.primers = json.at("primers").get<std::vector<Tokens>>();
    model.trainPieces = json.at("trainPieces").get<std::vector<std::string>>();
    model.validationPieces = json.at("validationPieces").get<std::vector<std::string>>();
    model.dataFingerprint = json.at("dataFingerprint").get<std::uint64_t>();
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("metadata: ") + error.what());
  }
  if (model.encoding.empty()) throw std::invalid_argument("metadata: no encoding");
  if (model.vocabulary.size() == 0) throw std::invalid_argument("metadata: empty vocabulary");
}

nlohmann::json stateJson(const TrainingState& state) {
  return {{"epoch", state.epoch},
          {"step", state.step},
          {"globalStep", state.globalStep},
          {"epochLossSum", state.epochLossSum},
          {"epochTargets", state.epochTargets},
          {"bestValidationLoss", std::isfinite(state.bestValidationLoss) ? nlohmann::json(state.bestValidationLoss)
                                                                         : nlohmann::json(nullptr)},
          {"log", state.log}};
}

void readState(const nlohmann::json& json, TrainingState& state) {
  try {
    state.epoch = json.at("epoch").get<int>();
    state.step = json.at("step").get<std::int64_t>();
    state.globalStep = json.at("globalStep").get<std::int64_t>();
    state.epochLossSum = json.at("epochLossSum").get<double>();
    state.epochTargets = json.at("epochTargets").get<std::int64_t>();
    const nlohmann::json& best = json.at("bestValidationLoss");
    state.bestValidationLoss = best.is_null() ? std::numeric_limits<double>::infinity() : best.get<double>();
    state.log = json.at("log");
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("training state: ") + error.what());
  }
  if (state.epoch < 0 || state.step < 0) throw std::invalid_argument("training state: negative epoch or step");
}

// The weights must be exactly those of the network the metadata describes.
void checkConsistency(const ModelFile& model) {
  const std::vector<std::string> specials = specialTokensFor(model.network);
  if (model.vocabulary.specialCount() != specials.size())
    throw std::invalid_argument("vocabulary has " + std::to_string(model.vocabulary.specialCount()) +
                                " special tokens, the network needs " + std::to_string(specials.size()));
  for (std::size_t i = 0; i < specials.size(); ++i)
    if (model.vocabulary.tokens()[i] != specials[i])
      throw std::invalid_argument("vocabulary: special token " + std::to_string(i) + " should be " + specials[i]);
  const std::vector<TensorShape> expected =
      parameterShapes(model.network, static_cast<std::int64_t>(model.vocabulary.size()));
  if (expected.size() != model.weights.size())
    throw std::invalid_argument("the network needs " + std::to_string(expected.size()) + " tensors, the file holds " +
                                std::to_string(model.weights.size()));
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const NamedTensor& tensor = model.weights[i];
    if (tensor.name != expected[i].name || tensor.shape != expected[i].shape)
      throw std::invalid_argument("tensor " + std::to_string(i) + " is '" + tensor.name + "' " +
                                  shapeText(tensor.shape) + ", the network needs '" + expected[i].name + "' " +
                                  shapeText(expected[i].shape));
  }
}

}  // namespace

std::string serializeModelFile(const ModelFile& model) {
  ByteWriter out;
  out.raw(kMagic);
  out.u32(kModelFileVersion);
  writeSection(out, "META", metadataJson(model).dump());
  writeSection(out, "WGHT", encodeWeights(model.weights));
  if (model.state) {
    writeSection(out, "OPTM", model.state->optimizer);
    writeSection(out, "RNGS", model.state->randomState);
    writeSection(out, "STAT", stateJson(*model.state).dump());
  }
  out.u32(crc32(out.bytes()));
  return std::move(out.bytes());
}

ModelFile parseModelFile(std::string_view bytes, const std::string& name) {
  auto fail = [&](const std::string& why) -> ModelFileError { return ModelFileError(name + ": " + why); };
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic)
    throw fail("not a lofi model file (no LOFIMODL header)");
  if (bytes.size() < kMagic.size() + 8) throw fail("truncated: the file ends inside its header");
  ByteReader header(bytes.substr(kMagic.size(), 4), kMagic.size());
  const std::uint32_t version = header.u32();
  if (version != kModelFileVersion)
    throw fail("model file version " + std::to_string(version) + ", this program reads version " +
               std::to_string(kModelFileVersion));
  const std::string_view body = bytes.substr(0, bytes.size() - 4);
  ByteReader trailer(bytes.substr(bytes.size() - 4), bytes.size() - 4);
  if (trailer.u32() != crc32(body))
    throw fail("damaged or truncated: the checksum does not match (" + std::to_string(bytes.size()) + " bytes)");

  ModelFile model;
  bool hasMetadata = false, hasWeights = false;
  std::optional<std::string> optimizer, randomState;
  std::optional<nlohmann::json> stateJsonValue;
  try {
    ByteReader in(body.substr(kMagic.size() + 4), kMagic.size() + 4);
    while (!in.atEnd()) {
      const std::size_t sectionOffset = in.offset();
      const std::string tag = sectionTag(in.raw(4));
      const std::uint64_t length = in.u64();
      if (length > in.remaining())
        throw fail("truncated: section " + tag + " at byte " + std::to_string(sectionOffset) + " claims " +
                   std::to_string(length) + " bytes, " + std::to_string(in.remaining()) + " left");
      const std::size_t contentOffset = in.offset();
      const std::string_view content = in.raw(static_cast<std::size_t>(length));
      if (tag == "META") {
        readMetadata(nlohmann::json::parse(content), model);
        hasMetadata = true;
      } else if (tag == "WGHT") {
        ByteReader weights(content, contentOffset);
        model.weights = decodeWeights(weights);
        if (!weights.atEnd()) throw fail("section WGHT has " + std::to_string(weights.remaining()) + " bytes too many");
        hasWeights = true;
      } else if (tag == "OPTM") {
        optimizer = std::string(content);
      } else if (tag == "RNGS") {
        randomState = std::string(content);
      } else if (tag == "STAT") {
        stateJsonValue = nlohmann::json::parse(content);
      }  // Unknown sections are skipped: later versions may add some.
    }
    if (!hasMetadata) throw fail("no META section");
    if (!hasWeights) throw fail("no WGHT section");
    if (stateJsonValue) {
      TrainingState state;
      readState(*stateJsonValue, state);
      state.optimizer = optimizer.value_or("");
      state.randomState = randomState.value_or("");
      model.state = std::move(state);
    }
    checkConsistency(model);
  } catch (const ModelFileError&) {
    throw;
  } catch (const nlohmann::json::exception& error) {
    throw fail(std::string("invalid metadata: ") + error.what());
  } catch (const std::exception& error) {
    throw fail(error.what());
  }
  return model;
}

void saveModelFile(const ModelFile& model, const std::string& path) {
  writeFileAtomically(path, serializeModelFile(model));
}

ModelFile loadModelFile(const std::string& path) {
  std::string bytes;
  try {
    bytes = readFileToString(path, std::size_t{2} << 30);
  } catch (const std::exception& error) {
    throw ModelFileError(error.what());
  }
  return parseModelFile(bytes, path);
}

}  // namespace lofi
