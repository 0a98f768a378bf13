#include "model/sampler.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lofi {
namespace {

// Probabilities of the candidates (softmax of their logits), in their order.
std::vector<double> probabilities(const std::vector<Candidate>& candidates) {
  float highest = -INFINITY;
  for (const Candidate& candidate : candidates) highest = std::max(highest, candidate.logit);
  std::vector<double> weights(candidates.size());
  double total = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    weights[i] = std::exp(static_cast<double>(candidates[i].logit) - highest);
    total += weights[i];
  }
  for (double& weight : weights) weight /= total;
  return weights;
}

}  // namespace

void sortByLogit(std::vector<Candidate>& candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.logit != b.logit ? a.logit > b.logit : a.token < b.token;
  });
}

AllowedTokens::AllowedTokens(std::vector<int> tokens) : tokens_(std::move(tokens)) {}

void AllowedTokens::restrict(const SamplingContext& context, std::vector<char>& allowed) const {
  std::vector<char> keep(allowed.size(), 0);
  for (int token : tokens_)
    if (token >= 0 && static_cast<std::size_t>(token) < keep.size()) keep[token] = 1;
  for (std::size_t i = 0; i < allowed.size(); ++i) allowed[i] = static_cast<char>(allowed[i] && keep[i]);
}

void NoSpecialTokens::restrict(const SamplingContext& context, std::vector<char>& allowed) const {
  if (!context.vocabulary) return;
  const std::optional<int> end = context.vocabulary->end();
  for (std::size_t i = 0; i < context.vocabulary->specialCount() && i < allowed.size(); ++i)
    if (!(allowEnd_ && end && static_cast<int>(i) == *end)) allowed[i] = 0;
}

ConstraintStep::ConstraintStep(std::shared_ptr<const TokenConstraint> constraint) : constraint_(std::move(constraint)) {}

void ConstraintStep::apply(std::vector<Candidate>& candidates, const SamplingContext& context) const {
  std::size_t size = 0;
  for (const Candidate& candidate : candidates) size = std::max<std::size_t>(size, candidate.token + 1);
  if (context.vocabulary) size = std::max(size, context.vocabulary->size());
  std::vector<char> allowed(size, 1);
  constraint_->restrict(context, allowed);
  std::erase_if(candidates, [&](const Candidate& candidate) { return !allowed[candidate.token]; });
  if (candidates.empty())
    throw std::runtime_error("the constraints allow no token after " + std::to_string(context.generated) +
                             " generated tokens");
}

TemperatureStep::TemperatureStep(float temperature) : temperature_(temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be a positive number");
}

void TemperatureStep::apply(std::vector<Candidate>& candidates, const SamplingContext&) const {
  for (Candidate& candidate : candidates) candidate.logit /= temperature_;
}

TopKStep::TopKStep(int k) : k_(k) {
  if (k <= 0) throw std::invalid_argument("top-k must be positive");
}

void TopKStep::apply(std::vector<Candidate>& candidates, const SamplingContext&) const {
  if (candidates.size() <= static_cast<std::size_t>(k_)) return;
  sortByLogit(candidates);
  candidates.resize(k_);
}

TopPStep::TopPStep(float p) : p_(p) {
  if (!(p > 0) || p > 1) throw std::invalid_argument("top-p must be in (0, 1]");
}

void TopPStep::apply(std::vector<Candidate>& candidates, const SamplingContext&) const {
  if (p_ >= 1 || candidates.empty()) return;
  float highest = -INFINITY;
  for (const Candidate& candidate : candidates) highest = std::max(highest, candidate.logit);
  struct Entry {
    Candidate candidate;
    double weight;
  };
  std::vector<Entry> entries;
  entries.reserve(candidates.size());
  double total = 0;
  for (const Candidate& candidate : candidates) {
    entries.push_back({candidate, std::exp(static_cast<double>(candidate.logit - highest))});
    total += entries.back().weight;
  }
  // The kept set is the k likeliest (ties by token index) with the smallest k
  // whose mass reaches p. Quickselect by mass finds k without sorting: the
  // first `low` entries are kept, their mass `above` is short of `needed`,
  // and k lies in (low, high].
  const auto better = [](const Entry& a, const Entry& b) {
    return a.candidate.logit != b.candidate.logit ? a.candidate.logit > b.candidate.logit
                                                  : a.candidate.token < b.candidate.token;
  };
  const double needed = p_ * total;
  std::size_t low = 0, high = entries.size(), keep = entries.size();
  double above = 0;
  while (low < high) {
    // Median of three as the pivot, moved to the front of the range.
    const std::size_t middle = low + (high - low) / 2;
    if (better(entries[middle], entries[low])) std::swap(entries[middle], entries[low]);
    if (better(entries[high - 1], entries[low])) std::swap(entries[high - 1], entries[low]);
    if (better(entries[high - 1], entries[middle])) std::swap(entries[high - 1], entries[middle]);
    std::swap(entries[low], entries[middle]);
    const Entry pivot = entries[low];
    const auto split = std::partition(entries.begin() + static_cast<std::ptrdiff_t>(low + 1),
                                      entries.begin() + static_cast<std::ptrdiff_t>(high),
                                      [&](const Entry& entry) { return better(entry, pivot); });
    const std::size_t pivotAt = static_cast<std::size_t>(split - entries.begin()) - 1;
    std::swap(entries[low], entries[pivotAt]);  // better ones in [low, pivotAt), the pivot at pivotAt
    double upper = 0;
    for (std::size_t i = low; i < pivotAt; ++i) upper += entries[i].weight;
    if (above + upper >= needed) {
      high = pivotAt;
    } else if (above + upper + pivot.weight >= needed) {
      keep = pivotAt + 1;
      break;
    } else {
      above += upper + pivot.weight;
      low = pivotAt + 1;
    }
    keep = high;  // rounding can leave the range empty: keep what is known to be needed
  }
  candidates.clear();
  for (std::size_t i = 0; i < std::max<std::size_t>(1, keep); ++i) candidates.push_back(entries[i].candidate);
}

SamplerChain& SamplerChain::add(std::unique_ptr<SamplerStep> step) {
  steps_.push_back(std::move(step));
  return *this;
}

SamplerChain& SamplerChain::greedy(bool enabled) {
  greedy_ = enabled;
  return *this;
}

int SamplerChain::sample(std::span<const float> logits, const SamplingContext& context, SeededRandom& random) const {
  std::vector<Candidate> candidates(logits.size());
  for (std::size_t i = 0; i < logits.size(); ++i) candidates[i] = {static_cast<int>(i), logits[i]};
  for (const auto& step : steps_) step->apply(candidates, context);
  if (candidates.empty()) throw std::runtime_error("sampling: no candidate token left");
  if (greedy_) {
    return std::min_element(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
             return a.logit != b.logit ? a.logit > b.logit : a.token < b.token;
           })->token;
  }
  const std::vector<double> chances = probabilities(candidates);
  const double draw = random.uniform();
  double cumulative = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    cumulative += chances[i];
    if (draw < cumulative) return candidates[i].token;
  }
  return candidates.back().token;  // rounding left the sum just below 1
}

SamplerChain makeSamplerChain(const SamplingSettings& settings,
                              const std::vector<std::shared_ptr<const TokenConstraint>>& constraints) {
  if (!(settings.temperature >= 0) || !std::isfinite(settings.temperature))
    throw std::invalid_argument("temperature must be zero or positive");
  if (settings.topK < 0) throw std::invalid_argument("top-k must not be negative");
  if (!(settings.topP > 0) || settings.topP > 1) throw std::invalid_argument("top-p must be in (0, 1]");
  SamplerChain chain;
  for (const auto& constraint : constraints) chain.add(std::make_unique<ConstraintStep>(constraint));
  if (settings.temperature == 0) return std::move(chain.greedy(true));
  if (settings.temperature != 1) chain.add(std::make_unique<TemperatureStep>(settings.temperature));
  if (settings.topK > 0) chain.add(std::make_unique<TopKStep>(settings.topK));
  if (settings.topP < 1) chain.add(std::make_unique<TopPStep>(settings.topP));
  return chain;
}

}  // namespace lofi
