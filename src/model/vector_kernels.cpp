#include "model/vector_kernels.h"

#include <algorithm>
#include <bit>
#include <cstdint>

// One clone per instruction set, chosen when the program starts. Within a
// clone every output is the same chain of multiply-adds in order of k
// (fused where the clone has FMA), whichever path or row count computes it:
// the row-independence test holds every path to this.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LOFI_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define LOFI_VECTOR_CLONES
#endif

namespace lofi {
namespace {

// Columns [first, last) of y[r] += x[r] * W for Rows rows, Width columns at a
// time. The sums of a tile stay in registers while k runs over the inputs.
template <int Rows, int Width>
[[gnu::always_inline]] inline int addTiles(const float* __restrict weightsT, int inputs, int outputs, int first,
                                           const float* const* x, float* const* y) {
  int column = first;
  for (; column + Width <= outputs; column += Width) {
    float sums[Rows][Width];
    for (int row = 0; row < Rows; ++row)
      for (int j = 0; j < Width; ++j) sums[row][j] = y[row][column + j];
    const float* __restrict weights = weightsT + column;
    for (int k = 0; k < inputs; ++k, weights += outputs) {
      for (int row = 0; row < Rows; ++row) {
        const float input = x[row][k];
        for (int j = 0; j < Width; ++j) sums[row][j] += input * weights[j];
      }
    }
    for (int row = 0; row < Rows; ++row)
      for (int j = 0; j < Width; ++j) y[row][column + j] = sums[row][j];
  }
  return column;
}

template <int Rows, int Width>
[[gnu::always_inline]] inline void addProductBlock(const float* weightsT, int inputs, int outputs, const float* const* x,
                                                   float* const* y) {
  int column = addTiles<Rows, Width>(weightsT, inputs, outputs, 0, x, y);
  column = addTiles<Rows, 16>(weightsT, inputs, outputs, column, x, y);
  addTiles<Rows, 1>(weightsT, inputs, outputs, column, x, y);
}

// e^x to about two units in the last place (Cephes' expf), in plain arithmetic
// so that loops over it vectorise; the same result in every lane and path.
[[gnu::always_inline]] inline float exponential(float value) {
  value = std::clamp(value, -87.0f, 88.0f);
  constexpr float kRound = 12582912.0f;  // 1.5 * 2^23: adding it rounds to a whole number
  const float whole = (value * 1.44269504088896341f + kRound) - kRound;
  const float rest = (value - whole * 0.693359375f) - whole * -2.12194440e-4f;
  float poly = 1.9875691500e-4f;
  poly = poly * rest + 1.3981999507e-3f;
  poly = poly * rest + 8.3334519073e-3f;
  poly = poly * rest + 4.1665795894e-2f;
  poly = poly * rest + 1.6666665459e-1f;
  poly = poly * rest + 5.0000001201e-1f;
  poly = poly * (rest * rest) + rest + 1.0f;
  const auto exponentBits = static_cast<std::int32_t>(static_cast<std::int32_t>(whole) + 127) << 23;
  return poly * std::bit_cast<float>(exponentBits);
}

[[gnu::always_inline]] inline float sigmoid(float value) { return 1.0f / (1.0f + exponential(-value)); }
[[gnu::always_inline]] inline float hyperbolicTangent(float value) { return 2.0f * sigmoid(2.0f * value) - 1.0f; }

}  // namespace

LOFI_VECTOR_CLONES
void addProductRows(const float* weightsT, int inputs, int outputs, int rows, const float* const* x, float* const* y) {
  int row = 0;
  for (; row + 8 <= rows; row += 8) addProductBlock<8, 32>(weightsT, inputs, outputs, x + row, y + row);
  for (; row + 4 <= rows; row += 4) addProductBlock<4, 32>(weightsT, inputs, outputs, x + row, y + row);
  for (; row < rows; ++row) addProductBlock<1, 64>(weightsT, inputs, outputs, x + row, y + row);
}

LOFI_VECTOR_CLONES
void lstmCell(const float* gates, int hidden, float* cell, float* hiddenOut) {
  const float* __restrict input = gates;
  const float* __restrict forget = gates + hidden;
  const float* __restrict candidate = gates + 2 * hidden;
  const float* __restrict output = gates + 3 * hidden;
  float* __restrict cells = cell;
  float* __restrict outputs = hiddenOut;
  for (int j = 0; j < hidden; ++j) {
    cells[j] = sigmoid(forget[j]) * cells[j] + sigmoid(input[j]) * hyperbolicTangent(candidate[j]);
    outputs[j] = sigmoid(output[j]) * hyperbolicTangent(cells[j]);
  }
}

}  // namespace lofi
