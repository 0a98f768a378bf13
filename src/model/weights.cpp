#include "model/weights.h"

#include <stdexcept>

namespace lofi {

const NamedTensor& findTensor(const Weights& weights, const std::string& name) {
  for (const NamedTensor& tensor : weights)
    if (tensor.name == name) return tensor;
  throw std::invalid_argument("weights: no tensor named '" + name + "'");
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

}  // namespace lofi
