#include "model/dataset.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "common/seeded_random.h"

namespace lofi {
namespace {

std::size_t ceilDivide(std::size_t value, std::size_t divisor) { return (value + divisor - 1) / divisor; }

}  // namespace

TokenDataset::TokenDataset(std::vector<std::vector<int>> sequences, DatasetOptions options)
    : sequences_(std::move(sequences)), options_(options) {
  if (options_.batch <= 0) throw std::invalid_argument("dataset: batch must be positive");
  if (options_.window < 0) throw std::invalid_argument("dataset: window must not be negative");
  if (options_.window == 0) {
    if (options_.sequenceLength <= 0) throw std::invalid_argument("dataset: sequence length must be positive");
    if (options_.padIndex < 0 || options_.beginIndex < 0 || options_.endIndex < 0)
      throw std::invalid_argument("dataset: predicting every position needs <pad>, <bos> and <eos>");
  }
  std::erase_if(sequences_, [](const std::vector<int>& sequence) { return sequence.empty(); });
  for (const auto& sequence : sequences_) streamLength_ += sequence.size() + (options_.window == 0 ? 2 : 0);
}

std::vector<int> TokenDataset::joinedStream(int epochIndex, bool shuffle) const {
  std::vector<std::size_t> pieceOrder(sequences_.size());
  std::iota(pieceOrder.begin(), pieceOrder.end(), 0);
  // The seed reads its pieces in file order; pieces are only reordered when every position is predicted.
  if (shuffle && options_.window == 0) {
    SeededRandom random(mixSeed(options_.seed, 2 * static_cast<std::uint64_t>(epochIndex)));
    random.shuffle(pieceOrder);
  }
  std::vector<int> stream;
  stream.reserve(streamLength_);
  for (std::size_t piece : pieceOrder) {
    if (options_.window == 0) stream.push_back(options_.beginIndex);
    stream.insert(stream.end(), sequences_[piece].begin(), sequences_[piece].end());
    if (options_.window == 0) stream.push_back(options_.endIndex);
  }
  return stream;
}

std::size_t TokenDataset::batchesPerEpoch() const {
  std::size_t rows = 0;
  if (options_.window > 0) {
    rows = streamLength_ > static_cast<std::size_t>(options_.window) ? streamLength_ - options_.window : 0;
  } else {
    rows = streamLength_ > 1 ? ceilDivide(streamLength_ - 1, options_.sequenceLength) : 0;
  }
  return ceilDivide(rows, options_.batch);
}

std::int64_t TokenDataset::targetsPerEpoch() const {
  if (options_.window > 0)
    return streamLength_ > static_cast<std::size_t>(options_.window) ? streamLength_ - options_.window : 0;
  return streamLength_ > 1 ? static_cast<std::int64_t>(streamLength_ - 1) : 0;
}

TokenDataset::Epoch TokenDataset::epoch(int epochIndex, bool shuffle) const {
  Epoch epoch;
  epoch.dataset_ = this;
  epoch.stream_ = joinedStream(epochIndex, shuffle);
  const std::size_t length = epoch.stream_.size();
  if (options_.window > 0) {
    for (std::size_t start = 0; start + options_.window < length; ++start)
      epoch.order_.push_back(static_cast<std::uint32_t>(start));
  } else {
    for (std::size_t start = 0; start + 1 < length; start += options_.sequenceLength)
      epoch.order_.push_back(static_cast<std::uint32_t>(start));
  }
  if (shuffle) {
    SeededRandom random(mixSeed(options_.seed, 2 * static_cast<std::uint64_t>(epochIndex) + 1));
    random.shuffle(epoch.order_);
  }
  return epoch;
}

std::size_t TokenDataset::Epoch::size() const { return ceilDivide(order_.size(), dataset_->options_.batch); }

Batch TokenDataset::Epoch::batch(std::size_t step) const {
  const DatasetOptions& options = dataset_->options_;
  if (step >= size()) throw std::out_of_range("dataset: step " + std::to_string(step) + " past the epoch");
  const std::size_t first = step * options.batch;
  const std::size_t last = std::min(order_.size(), first + options.batch);
  Batch batch;
  batch.rows = static_cast<int>(last - first);
  if (options.window > 0) {
    batch.inputLength = options.window;
    batch.targetLength = 1;
    for (std::size_t row = first; row < last; ++row) {
      const auto start = stream_.begin() + order_[row];
      batch.inputs.insert(batch.inputs.end(), start, start + options.window);
      batch.targets.push_back(*(start + options.window));
    }
    batch.targetCount = batch.rows;
    return batch;
  }
  batch.inputLength = options.sequenceLength;
  batch.targetLength = options.sequenceLength;
  batch.inputs.assign(static_cast<std::size_t>(batch.rows) * options.sequenceLength, options.padIndex);
  batch.targets.assign(batch.inputs.size(), options.padIndex);
  for (std::size_t row = first; row < last; ++row) {
    const std::size_t start = order_[row];
    const std::size_t count = std::min<std::size_t>(options.sequenceLength, stream_.size() - 1 - start);
    const std::size_t offset = (row - first) * options.sequenceLength;
    for (std::size_t i = 0; i < count; ++i) {
      batch.inputs[offset + i] = stream_[start + i];
      batch.targets[offset + i] = stream_[start + i + 1];
    }
    batch.targetCount += static_cast<std::int64_t>(count);
  }
  return batch;
}

}  // namespace lofi
