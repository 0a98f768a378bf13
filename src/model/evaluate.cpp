#include "model/evaluate.h"

#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace lofi {
namespace {

// log softmax(logits)[target].
double logProbability(std::span<const float> logits, int target) {
  float highest = -INFINITY;
  for (float logit : logits) highest = std::max(highest, logit);
  double total = 0;
  for (float logit : logits) total += std::exp(static_cast<double>(logit) - highest);
  return static_cast<double>(logits[target]) - highest - std::log(total);
}

void scoreCarried(const Model& model, const std::vector<std::vector<int>>& sequences, int rowsPerBatch,
                  HeldOutScore& score, double& sum) {
  const InferenceNetwork& network = model.network();
  const int vocabulary = network.vocabularySize();
  const int begin = *model.vocabulary().begin();
  const int end = *model.vocabulary().end();
  for (std::size_t first = 0; first < sequences.size(); first += rowsPerBatch) {
    const std::size_t count = std::min<std::size_t>(rowsPerBatch, sequences.size() - first);
    // Row r reads <bos> s... and predicts s... <eos>; shorter rows idle on <eos>.
    std::vector<std::vector<int>> rows(count);
    std::size_t longest = 0;
    for (std::size_t r = 0; r < count; ++r) {
      rows[r] = {begin};
      rows[r].insert(rows[r].end(), sequences[first + r].begin(), sequences[first + r].end());
      rows[r].push_back(end);
      longest = std::max(longest, rows[r].size());
    }
    InferenceNetwork::State state = network.zeroState(static_cast<int>(count));
    std::vector<float> logits(count * vocabulary);
    std::vector<int> column(count);
    for (std::size_t position = 0; position + 1 < longest; ++position) {
      for (std::size_t r = 0; r < count; ++r) column[r] = position < rows[r].size() ? rows[r][position] : end;
      network.step(column, state, logits);
      for (std::size_t r = 0; r < count; ++r) {
        if (position + 1 >= rows[r].size()) continue;
        sum -= logProbability(std::span<const float>(logits.data() + r * vocabulary, vocabulary), rows[r][position + 1]);
        ++score.tokens;
      }
    }
  }
}

void scoreWindows(const Model& model, const std::vector<std::vector<int>>& sequences, int rowsPerBatch,
                  HeldOutScore& score, double& sum) {
  const InferenceNetwork& network = model.network();
  const int vocabulary = network.vocabularySize();
  const int window = model.config().window;
  std::vector<int> windows;
  std::vector<int> targets;
  auto flush = [&]() {
    if (targets.empty()) return;
    const int rows = static_cast<int>(targets.size());
    std::vector<float> logits(static_cast<std::size_t>(rows) * vocabulary);
    network.readWindows(windows, rows, window, logits);
    for (int r = 0; r < rows; ++r)
      sum -= logProbability(std::span<const float>(logits.data() + static_cast<std::size_t>(r) * vocabulary, vocabulary),
                            targets[r]);
    score.tokens += rows;
    windows.clear();
    targets.clear();
  };
  for (const std::vector<int>& sequence : sequences) {
    for (std::size_t start = 0; start + window < sequence.size(); ++start) {
      windows.insert(windows.end(), sequence.begin() + start, sequence.begin() + start + window);
      targets.push_back(sequence[start + window]);
      if (static_cast<int>(targets.size()) == rowsPerBatch) flush();
    }
  }
  flush();
}

}  // namespace

HeldOutScore heldOutLoss(const Model& model, const std::vector<Piece>& pieces, int rowsPerBatch) {
  HeldOutScore score;
  std::vector<std::vector<int>> sequences;
  for (const Piece& piece : pieces) {
    std::size_t unknown = 0;
    std::vector<int> indices = model.vocabulary().encode(piece.tokens, &unknown);
    score.unknownTokens += unknown;
    if (indices.empty()) continue;
    sequences.push_back(std::move(indices));
    ++score.pieces;
  }
  double sum = 0;
  if (model.config().carriesState()) scoreCarried(model, sequences, std::max(1, rowsPerBatch), score, sum);
  else scoreWindows(model, sequences, std::max(1, rowsPerBatch), score, sum);
  if (score.tokens == 0) throw std::invalid_argument("no token to score: the pieces are empty or shorter than the window");
  score.nll = sum / static_cast<double>(score.tokens);
  score.perplexity = std::exp(score.nll);
  return score;
}

// A suffix automaton of all pieces joined, each followed by its own separator
// so that no run crosses from one piece into the next.
struct CopyIndex::Automaton {
  struct State {
    int length = 0;
    int link = -1;
    std::unordered_map<int, int> next;
  };
  std::vector<State> states{State{}};
  int last = 0;
  std::unordered_map<std::string, int> symbols;

  void extend(int symbol) {
    const int current = static_cast<int>(states.size());
    states.push_back({states[last].length + 1, -1, {}});
    int walker = last;
    while (walker != -1 && !states[walker].next.contains(symbol)) {
      states[walker].next[symbol] = current;
      walker = states[walker].link;
    }
    if (walker == -1) {
      states[current].link = 0;
    } else {
      const int target = states[walker].next[symbol];
      if (states[walker].length + 1 == states[target].length) {
        states[current].link = target;
      } else {
        const int clone = static_cast<int>(states.size());
        State copy = states[target];
        copy.length = states[walker].length + 1;
        states.push_back(std::move(copy));
        while (walker != -1 && states[walker].next[symbol] == target) {
          states[walker].next[symbol] = clone;
          walker = states[walker].link;
        }
        states[target].link = clone;
        states[current].link = clone;
      }
    }
    last = current;
  }
};

CopyIndex::CopyIndex(const std::vector<Tokens>& corpus) : automaton_(std::make_unique<Automaton>()) {
  int separator = -1;
  for (const Tokens& piece : corpus) {
    for (const std::string& token : piece) {
      const auto [entry, added] = automaton_->symbols.emplace(token, static_cast<int>(automaton_->symbols.size()));
      automaton_->extend(entry->second);
    }
    automaton_->extend(separator--);
  }
}

CopyIndex::~CopyIndex() = default;

CopiedRun CopyIndex::longestCopiedRun(const Tokens& generated) const {
  const auto& states = automaton_->states;
  CopiedRun best;
  int state = 0;
  std::size_t length = 0;
  for (std::size_t position = 0; position < generated.size(); ++position) {
    const auto symbol = automaton_->symbols.find(generated[position]);
    if (symbol == automaton_->symbols.end()) {
      state = 0;
      length = 0;
      continue;
    }
    while (state != 0 && !states[state].next.contains(symbol->second)) {
      state = states[state].link;
      length = static_cast<std::size_t>(states[state].length);
    }
    if (const auto next = states[state].next.find(symbol->second); next != states[state].next.end()) {
      state = next->second;
      ++length;
    }
    if (length > best.length) best = {length, position + 1 - length};
  }
  return best;
}

}  // namespace lofi
