#include "model/vector_kernels.h"

#include <algorithm>
#include <cmath>

// One clone per instruction set, chosen when the program starts; the
// arithmetic per output is the same sequence of operations in every clone.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LOFI_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define LOFI_VECTOR_CLONES
#endif

namespace lofi {
namespace {

constexpr int kColumnTile = 128;

float sigmoid(float value) { return 1.0f / (1.0f + std::exp(-value)); }

// Rows sums share each weight load. Every output is mul-then-add in order of k
// (contraction is off for this file), whichever Rows and clone computes it.
template <int Rows>
inline void addProductTile(const float* __restrict weightsT, int inputs, int outputs, const float* const* x,
                           float* const* y) {
  alignas(64) float sums[Rows][kColumnTile];
  for (int tile = 0; tile < outputs; tile += kColumnTile) {
    const int width = std::min(kColumnTile, outputs - tile);
    for (int row = 0; row < Rows; ++row) std::copy(y[row] + tile, y[row] + tile + width, sums[row]);
    for (int k = 0; k < inputs; ++k) {
      const float* __restrict weights = weightsT + static_cast<std::size_t>(k) * outputs + tile;
      float xs[Rows];
      for (int row = 0; row < Rows; ++row) xs[row] = x[row][k];
      for (int j = 0; j < width; ++j) {
        const float weight = weights[j];
        for (int row = 0; row < Rows; ++row) sums[row][j] += xs[row] * weight;
      }
    }
    for (int row = 0; row < Rows; ++row) std::copy(sums[row], sums[row] + width, y[row] + tile);
  }
}

}  // namespace

LOFI_VECTOR_CLONES
void addProductRows(const float* weightsT, int inputs, int outputs, int rows, const float* const* x,
                    float* const* y) {
  int row = 0;
  for (; row + kKernelRows <= rows; row += kKernelRows)
    addProductTile<kKernelRows>(weightsT, inputs, outputs, x + row, y + row);
  for (; row < rows; ++row) addProductTile<1>(weightsT, inputs, outputs, x + row, y + row);
}

void lstmCell(const float* gates, int hidden, float* cell, float* hiddenOut) {
  const float* input = gates;
  const float* forget = gates + hidden;
  const float* candidate = gates + 2 * hidden;
  const float* output = gates + 3 * hidden;
  for (int j = 0; j < hidden; ++j) {
    cell[j] = sigmoid(forget[j]) * cell[j] + sigmoid(input[j]) * std::tanh(candidate[j]);
    hiddenOut[j] = sigmoid(output[j]) * std::tanh(cell[j]);
  }
}

}  // namespace lofi
