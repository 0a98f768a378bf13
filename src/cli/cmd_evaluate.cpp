// lofi evaluate --model FILE DATA [--novelty N] [--tokens N] [--seed S] [--json]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "model/composer.h"
#include "model/default_model.h"
#include "model/evaluate.h"
#include "model/generator.h"
#include "model/steering.h"

namespace lofi::cli {
namespace {

struct EvaluateArgs {
  std::string model;
  std::string data;
  int novelty = 4;
  int tokens = 512;
  std::uint64_t seed = 1;
  bool json = false;
};

// Pieces the model trained on are left out of the held-out score.
std::vector<Piece> heldOutPieces(const TokenCorpus& corpus, const Model& model, std::size_t& leftOut) {
  const std::set<std::string> trained(model.file().trainPieces.begin(), model.file().trainPieces.end());
  std::vector<Piece> pieces;
  for (const Piece& piece : corpus.pieces) {
    if (trained.contains(piece.name)) ++leftOut;
    else pieces.push_back(piece);
  }
  return pieces;
}

void run(const EvaluateArgs& args) {
  const Model model = args.model.empty() ? loadDefaultModel() : Model::load(args.model);
  // MIDI is read as the model was trained: the same parts (tokens JSON is taken as it is).
  const bool json = std::filesystem::path(args.data).extension() == ".json";
  const TokenCorpus corpus = readTokenCorpus(args.data, model.encoding(), json ? std::vector<std::string>{} : model.file().training.parts);
  std::size_t leftOut = 0;
  const std::vector<Piece> heldOut = heldOutPieces(corpus, model, leftOut);
  if (heldOut.empty())
    throw std::runtime_error(args.data + ": every piece was used in training; give held-out music");
  const HeldOutScore score = heldOutLoss(model, heldOut);

  nlohmann::ordered_json report;
  report["pieces"] = score.pieces;
  report["leftOutTrainingPieces"] = leftOut;
  report["tokens"] = score.tokens;
  report["unknownTokens"] = score.unknownTokens;
  report["nll"] = score.nll;
  report["perplexity"] = score.perplexity;
  if (!args.json) {
    std::printf("held-out pieces   %zu (%zu training pieces left out)\n", score.pieces, leftOut);
    std::printf("predicted tokens  %lld (%zu outside the vocabulary left out)\n", static_cast<long long>(score.tokens),
                score.unknownTokens);
    std::printf("NLL               %.4f nats per token\n", score.nll);
    std::printf("perplexity        %.2f\n", score.perplexity);
  }

  if (args.novelty > 0) {
    std::vector<Tokens> corpusTokens;
    for (const Piece& piece : corpus.pieces) corpusTokens.push_back(piece.tokens);
    const CopyIndex index(corpusTokens);
    std::vector<SequenceRequest> requests(args.novelty);
    for (int i = 0; i < args.novelty; ++i) requests[i].seed = args.seed + static_cast<std::uint64_t>(i);
    // The encoding's own constraints (the timed grammar), as generation has them.
    const auto encoding = makeEncoding(model.encoding());
    for (SequenceRequest& request : requests)
      request.constraints = steeringConstraints(model.vocabulary(), *encoding, {}, {});
    const GenerationMethod method = defaultMethod(model);
    if (method == GenerationMethod::SlidingWindow)
      for (int i = 0; i < args.novelty; ++i) requests[i].primer = model.vocabulary().encode(randomPrimer(model, args.seed + i));
    const auto sequences = generateTokens(model, std::move(requests), args.tokens, method);
    report["novelty"] = nlohmann::json::array();
    std::size_t longest = 0;
    for (const auto& sequence : sequences) {
      const CopiedRun run = index.longestCopiedRun(model.vocabulary().decode(sequence));
      report["novelty"].push_back({{"longestCopiedRun", run.length}, {"start", run.start}});
      longest = std::max(longest, run.length);
    }
    report["longestCopiedRun"] = longest;
    if (!args.json)
      std::printf("novelty           longest run copied from DATA: %zu tokens (over %d pieces of %d tokens)\n", longest,
                  args.novelty, args.tokens);
  }
  if (args.json) std::cout << report.dump() << '\n';
}

}  // namespace

void addEvaluateCommand(CLI::App& app) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand("evaluate", "Held-out NLL and perplexity of a model, and how much it copies");
  cmd->add_option("--model,-m", args->model, "Model file (default: the embedded default model)");
  cmd->add_option("data", args->data,
                  "Music to score: MIDI file or folder, or a tokens JSON; pieces the model trained on are left out")
      ->required();
  cmd->add_option("--novelty", args->novelty, "Pieces to generate for the novelty figure (0: none)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->add_option("--tokens", args->tokens, "Tokens per generated piece")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_option("--seed", args->seed, "Seed of the first generated piece")->capture_default_str();
  cmd->add_flag("--json", args->json, "Print the figures as JSON");
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
