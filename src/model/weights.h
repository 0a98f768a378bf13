// A network's parameters as plain named arrays of floats, with no LibTorch:
// the model file stores them, the inference network reads them, and the
// training network converts to and from them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lofi {

struct NamedTensor {
  std::string name;
  std::vector<std::int64_t> shape;
  std::vector<float> values;  // row-major
  bool operator==(const NamedTensor&) const = default;
};

using Weights = std::vector<NamedTensor>;

// Throws std::invalid_argument naming the tensor if it is missing.
const NamedTensor& findTensor(const Weights& weights, const std::string& name);

std::string shapeText(const std::vector<std::int64_t>& shape);  // "[4, 128]"

}  // namespace lofi
