// A trained model ready to generate: the model file's contents and its
// inference network. Loading checks everything, so a bad file is one clear
// error here and never a crash later.
#pragma once

#include <string>
#include <string_view>

#include "model/inference_network.h"
#include "model/model_file.h"

namespace lofi {

class Model {
 public:
  // Throws ModelFileError if the weights cannot build the network.
  explicit Model(ModelFile file);
  static Model load(const std::string& path);  // throws ModelFileError
  static Model fromBytes(std::string_view bytes, const std::string& name);

  const ModelFile& file() const { return file_; }
  const Vocabulary& vocabulary() const { return file_.vocabulary; }
  const InferenceNetwork& network() const { return network_; }
  const NetworkConfig& config() const { return file_.network; }
  const std::string& encoding() const { return file_.encoding; }

 private:
  static InferenceNetwork buildNetwork(const ModelFile& file);
  ModelFile file_;
  InferenceNetwork network_;
};

}  // namespace lofi
