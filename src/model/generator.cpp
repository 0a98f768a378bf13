#include "model/generator.h"

#include <algorithm>
#include <stdexcept>

namespace lofi {

struct Generation::Row {
  std::vector<int> history;  // primer then generated tokens (for constraints and windows)
  std::size_t primerLength = 0;
  std::vector<int> generated;
  SamplerChain chain;  // its constraints, sampling steps and seeded draw
  bool done = false;
};

Generation::Generation(const Model& model, std::vector<SequenceRequest> requests, GenerationMethod method)
    : model_(&model), method_(method) {
  const InferenceNetwork& network = model.network();
  const int vocabulary = network.vocabularySize();
  if (method == GenerationMethod::CarriedState && !model.config().carriesState())
    throw std::invalid_argument("this network reads windows (" + model.config().preset +
                                " preset): generate with the sliding window");
  for (SequenceRequest& request : requests) {
    for (int token : request.primer)
      if (token < 0 || token >= vocabulary)
        throw std::invalid_argument("primer token index " + std::to_string(token) + " outside the vocabulary");
    Row row;
    row.history = request.primer;
    row.primerLength = request.primer.size();
    std::vector<std::unique_ptr<TokenConstraint>> constraints;
    constraints.push_back(std::make_unique<NoSpecialTokens>(model.vocabulary(), request.allowEnd));
    for (auto& constraint : request.constraints) constraints.push_back(std::move(constraint));
    row.chain = makeSamplerChain(request.sampling, request.seed, std::move(constraints), vocabulary);
    row.chain.prime(row.history);
    rows_.push_back(std::move(row));
  }
  if (method != GenerationMethod::CarriedState) return;

  // Each row reads <bos> and its primer alone; the states then join one batch.
  const int rowCount = static_cast<int>(rows_.size());
  state_ = network.zeroState(rowCount);
  logits_.assign(static_cast<std::size_t>(rowCount) * vocabulary, 0.0f);
  pendingTokens_.assign(rowCount, 0);
  const int begin = model.vocabulary().begin().value_or(0);
  for (int index = 0; index < rowCount; ++index) {
    InferenceNetwork::State single = network.zeroState(1);
    std::vector<int> tokens = {begin};
    tokens.insert(tokens.end(), rows_[index].history.begin(), rows_[index].history.end());
    std::span<float> rowLogits(logits_.data() + static_cast<std::size_t>(index) * vocabulary, vocabulary);
    for (std::size_t position = 0; position < tokens.size(); ++position) {
      const bool last = position + 1 == tokens.size();
      network.step(std::span<const int>(&tokens[position], 1), single, last ? rowLogits : std::span<float>());
    }
    InferenceNetwork::copyRow(single, 0, state_, index);
  }
}

Generation::~Generation() = default;
Generation::Generation(Generation&&) noexcept = default;

int Generation::rows() const { return static_cast<int>(rows_.size()); }
const std::vector<int>& Generation::generated(int row) const { return rows_.at(row).generated; }
bool Generation::finished(int row) const { return rows_.at(row).done; }
void Generation::finish(int row) { rows_.at(row).done = true; }
bool Generation::allFinished() const {
  return std::all_of(rows_.begin(), rows_.end(), [](const Row& row) { return row.done; });
}

int Generation::sampleRow(Row& row, std::span<const float> logits) {
  const int token = row.chain.sample(logits);
  const std::optional<int> end = model_->vocabulary().end();
  if (end && token == *end) {
    row.done = true;
    return -1;
  }
  row.history.push_back(token);
  row.generated.push_back(token);
  return token;
}

void Generation::advance(int count) {
  for (int produced = 0; produced < count && !allFinished(); ++produced) step();
}

const std::vector<int>& Generation::step() {
  stepped_.assign(rows_.size(), -1);
  if (method_ == GenerationMethod::CarriedState) stepCarried();
  else stepWindow();
  return stepped_;
}

void Generation::stepCarried() {
  const InferenceNetwork& network = model_->network();
  const int vocabulary = network.vocabularySize();
  // The network reads the tokens of the last step only when more are wanted.
  if (pending_) {
    network.step(pendingTokens_, state_, logits_);
    pending_ = false;
  }
  for (std::size_t index = 0; index < rows_.size(); ++index) {
    Row& row = rows_[index];
    if (row.done) continue;  // keeps reading its last token; its logits are ignored
    const std::span<const float> rowLogits(logits_.data() + index * vocabulary, vocabulary);
    stepped_[index] = sampleRow(row, rowLogits);
    if (stepped_[index] >= 0) pendingTokens_[index] = stepped_[index];
  }
  pending_ = true;
}

void Generation::stepWindow() {
  const InferenceNetwork& network = model_->network();
  const int vocabulary = network.vocabularySize();
  const int window = model_->config().window > 0 ? model_->config().window : kSeedWindow;
  const std::optional<int> begin = model_->vocabulary().begin();
  std::vector<float> logits(vocabulary);
  for (std::size_t index = 0; index < rows_.size(); ++index) {
    Row& row = rows_[index];
    if (row.done) continue;
    std::vector<int> context(row.history.end() - std::min<std::ptrdiff_t>(window, row.history.size()),
                             row.history.end());
    if (begin && static_cast<int>(context.size()) < window) context.insert(context.begin(), *begin);
    if (context.empty())
      throw std::invalid_argument("the sliding window needs a primer with this network (" + model_->config().preset +
                                  " preset)");
    network.readWindows(context, 1, static_cast<int>(context.size()), logits);
    stepped_[index] = sampleRow(row, logits);
  }
}

std::vector<std::vector<int>> generateTokens(const Model& model, std::vector<SequenceRequest> requests, int count,
                                             GenerationMethod method) {
  Generation generation(model, std::move(requests), method);
  generation.advance(count);
  std::vector<std::vector<int>> sequences;
  for (int row = 0; row < generation.rows(); ++row) sequences.push_back(generation.generated(row));
  return sequences;
}

}  // namespace lofi
