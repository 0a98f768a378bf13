#include "model/sampler.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lofi {

void sortByLogit(std::vector<Candidate>& candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.logit != b.logit ? a.logit > b.logit : a.token < b.token;
  });
}

AllowedTokens::AllowedTokens(std::vector<int> tokens, std::size_t vocabularySize) : allowed_(vocabularySize, 0) {
  for (int token : tokens)
    if (token >= 0 && static_cast<std::size_t>(token) < vocabularySize) allowed_[token] = 1;
}

void AllowedTokens::restrict(std::span<char> allowed) const {
  for (std::size_t i = 0; i < allowed.size(); ++i) allowed[i] = static_cast<char>(allowed[i] && i < allowed_.size() && allowed_[i]);
}

NoSpecialTokens::NoSpecialTokens(const Vocabulary& vocabulary, bool allowEnd) {
  const std::optional<int> end = vocabulary.end();
  for (std::size_t i = 0; i < vocabulary.specialCount(); ++i)
    if (!(allowEnd && end && static_cast<int>(i) == *end)) banned_.push_back(static_cast<int>(i));
}

void NoSpecialTokens::restrict(std::span<char> allowed) const {
  for (int token : banned_)
    if (static_cast<std::size_t>(token) < allowed.size()) allowed[token] = 0;
}

ConstraintStep::ConstraintStep(std::unique_ptr<TokenConstraint> constraint, std::size_t vocabularySize)
    : constraint_(std::move(constraint)), allowed_(vocabularySize) {}

void ConstraintStep::apply(std::vector<Candidate>& candidates) {
  std::size_t size = allowed_.size();
  for (const Candidate& candidate : candidates) size = std::max<std::size_t>(size, candidate.token + 1);
  allowed_.assign(size, 1);
  constraint_->restrict(allowed_);
  std::erase_if(candidates, [&](const Candidate& candidate) { return !allowed_[candidate.token]; });
  if (candidates.empty())
    throw std::runtime_error("the constraints allow no token after " + std::to_string(accepted_) + " generated tokens");
}

void ConstraintStep::accept(int token) {
  constraint_->accept(token);
  ++accepted_;
}

TemperatureStep::TemperatureStep(float temperature) : temperature_(temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be a positive number");
}

void TemperatureStep::apply(std::vector<Candidate>& candidates) {
  for (Candidate& candidate : candidates) candidate.logit /= temperature_;
}

TopKStep::TopKStep(int k) : k_(k) {
  if (k <= 0) throw std::invalid_argument("top-k must be positive");
}

void TopKStep::apply(std::vector<Candidate>& candidates) {
  if (candidates.size() <= static_cast<std::size_t>(k_)) return;
  // The k best by falling logit (ties by index), in that order.
  const auto better = [](const Candidate& a, const Candidate& b) {
    return a.logit != b.logit ? a.logit > b.logit : a.token < b.token;
  };
  std::partial_sort(candidates.begin(), candidates.begin() + k_, candidates.end(), better);
  candidates.resize(k_);
}

TopPStep::TopPStep(float p) : p_(p) {
  if (!(p > 0) || p > 1) throw std::invalid_argument("top-p must be in (0, 1]");
}

void TopPStep::apply(std::vector<Candidate>& candidates) {
  if (p_ >= 1 || candidates.empty()) return;
  float highest = -INFINITY;
  for (const Candidate& candidate : candidates) highest = std::max(highest, candidate.logit);
  std::vector<Entry>& entries = entries_;
  entries.clear();
  entries.reserve(candidates.capacity());  // the chain's buffer holds the vocabulary: grows once
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

void DrawStep::apply(std::vector<Candidate>& candidates) {
  if (candidates.empty()) throw std::runtime_error("sampling: no candidate token left");
  // Probabilities are the softmax of the logits, summed in candidate order.
  float highest = -INFINITY;
  for (const Candidate& candidate : candidates) highest = std::max(highest, candidate.logit);
  double total = 0;
  for (const Candidate& candidate : candidates) total += std::exp(static_cast<double>(candidate.logit) - highest);
  const double draw = random_.uniform();
  double cumulative = 0;
  Candidate chosen = candidates.back();  // rounding may leave the sum just below 1
  for (const Candidate& candidate : candidates) {
    cumulative += std::exp(static_cast<double>(candidate.logit) - highest) / total;
    if (draw < cumulative) {
      chosen = candidate;
      break;
    }
  }
  candidates.assign(1, chosen);
}

void GreedyStep::apply(std::vector<Candidate>& candidates) {
  if (candidates.empty()) throw std::runtime_error("sampling: no candidate token left");
  const Candidate best = *std::min_element(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.logit != b.logit ? a.logit > b.logit : a.token < b.token;
  });
  candidates.assign(1, best);
}

SamplerChain& SamplerChain::add(std::unique_ptr<SamplerStep> step) {
  steps_.push_back(std::move(step));
  return *this;
}

void SamplerChain::prime(std::span<const int> tokens) {
  for (const auto& step : steps_) step->prime(tokens);
}

int SamplerChain::sample(std::span<const float> logits) {
  candidates_.resize(logits.size());
  for (std::size_t i = 0; i < logits.size(); ++i) candidates_[i] = {static_cast<int>(i), logits[i]};
  for (const auto& step : steps_) step->apply(candidates_);
  if (candidates_.size() != 1) throw std::logic_error("sampling: the chain must end with a draw or a greedy step");
  const int token = candidates_.front().token;
  accept(token);
  return token;
}

void SamplerChain::accept(int token) {
  for (const auto& step : steps_) step->accept(token);
}

SamplerChain makeSamplerChain(const SamplingSettings& settings, std::uint64_t seed,
                              std::vector<std::unique_ptr<TokenConstraint>> constraints, std::size_t vocabularySize) {
  if (!(settings.temperature >= 0) || !std::isfinite(settings.temperature))
    throw std::invalid_argument("temperature must be zero or positive");
  if (settings.topK < 0) throw std::invalid_argument("top-k must not be negative");
  if (!(settings.topP > 0) || settings.topP > 1) throw std::invalid_argument("top-p must be in (0, 1]");
  SamplerChain chain;
  for (auto& constraint : constraints) chain.add(std::make_unique<ConstraintStep>(std::move(constraint), vocabularySize));
  if (settings.temperature == 0) {
    chain.add(std::make_unique<GreedyStep>());
    return chain;
  }
  if (settings.temperature != 1) chain.add(std::make_unique<TemperatureStep>(settings.temperature));
  if (settings.topK > 0) chain.add(std::make_unique<TopKStep>(settings.topK));
  if (settings.topP < 1) chain.add(std::make_unique<TopPStep>(settings.topP));
  chain.add(std::make_unique<DrawStep>(seed));
  return chain;
}

}  // namespace lofi
