#include "model/model.h"

namespace lofi {

InferenceNetwork Model::buildNetwork(const ModelFile& file) {
  try {
    return InferenceNetwork(file.network, file.weights, static_cast<int>(file.vocabulary.size()));
  } catch (const std::invalid_argument& error) {
    throw ModelFileError(std::string("model does not fit together: ") + error.what());
  }
}

Model::Model(ModelFile file) : file_(std::move(file)), network_(buildNetwork(file_)) {}

Model Model::load(const std::string& path) { return Model(loadModelFile(path)); }

Model Model::fromBytes(std::string_view bytes, const std::string& name) { return Model(parseModelFile(bytes, name)); }

}  // namespace lofi
