// The few numeric loops that inference spends its time in, written so that
// each output depends only on its own row: a sequence gets the same numbers
// alone or in a batch of 32, so a seed gives the same music either way.
#pragma once

#include <cstddef>

namespace lofi {

// For each row r < rows: y[r][j] += sum_k x[r][k] * weightsT[k * outputs + j],
// summed in order of k, the same way for every row count. `weightsT` is the transposed weight matrix (inputs x outputs).
void addProductRows(const float* weightsT, int inputs, int outputs, int rows, const float* const* x,
                    float* const* y);

// In place: the LSTM cell update from the gate sums (input, forget, cell, output
// blocks of `hidden` each), as LibTorch computes it.
void lstmCell(const float* gates, int hidden, float* cell, float* hiddenOut);

}  // namespace lofi
