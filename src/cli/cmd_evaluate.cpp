// lofi evaluate --model FILE DATA [--novelty N] [--tokens N] [--seed S] [--json]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "model/track_writer.h"
#include "model/default_model.h"
#include "model/evaluate.h"
#include "model/generator.h"
#include "model/steering/steering.h"
#include "music/stats/chord_spans.h"
#include "music/stats/music_stats.h"

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

// Whole bars inside the copied run: from one bar token in it to the next, or
// to where the run ends if a bar (or the piece) ends there too.
std::size_t wholeBarsCopied(const Tokens& tokens, const CopiedRun& run) {
  const std::size_t end = std::min(tokens.size(), run.start + run.length);
  std::size_t barTokens = 0;
  for (std::size_t i = run.start; i < end; ++i)
    if (tokens[i] == "bar") ++barTokens;
  if (barTokens == 0) return 0;
  const bool endsAtBar = end == tokens.size() || tokens[end] == "bar";
  return barTokens - 1 + (endsAtBar ? 1 : 0);
}

// `lofi stats` figures of token sequences decoded into music (pieces that do
// not decode are left out).
MusicStats statsOf(const std::vector<Tokens>& pieces, const Encoding& encoding, std::uint64_t seed) {
  std::vector<MusicStats> stats;
  for (Tokens tokens : pieces) {
    DecodeOptions options;
    options.seed = seed;
    // A generated piece cut at its token count may end inside a note: drop that end.
    tokens.resize(encoding.decodablePrefix(tokens));
    if (tokens.empty()) continue;
    try {
      const Score score = encoding.decode(tokens, options);
      stats.push_back(computeStats(score, chordSpansFromLabels(score, readChordSymbolLabel)));
    } catch (const std::exception&) {
      // A prefix that decodes but does not end as a piece may (a timed one without `start`).
    }
  }
  return averageStats(stats);
}

void printStatsSideBySide(const MusicStats& generated, const MusicStats& data, std::size_t generatedPieces,
                          std::size_t dataPieces) {
  std::printf("\n%-28s %10s %10s\n", "lofi stats (set means)", "generated", "held out");
  std::printf("%-28s %10zu %10zu\n", "pieces", generatedPieces, dataPieces);
  const auto row = [](const char* name, double a, double b) { std::printf("%-28s %10.3f %10.3f\n", name, a, b); };
  row("pitch range", generated.pitchRange, data.pitchRange);
  row("pitch classes used", generated.pitchClassesUsed, data.pitchClassesUsed);
  row("pitch-class entropy", generated.pitchClassEntropy, data.pitchClassEntropy);
  row("scale consistency", generated.scaleConsistency, data.scaleConsistency);
  row("polyphony", generated.polyphony, data.polyphony);
  row("empty-beat rate", generated.emptyBeatRate, data.emptyBeatRate);
  row("groove consistency", generated.grooveConsistency, data.grooveConsistency);
  row("average melodic interval", generated.averageMelodicInterval, data.averageMelodicInterval);
  if (generated.chordToneRatio || data.chordToneRatio)
    row("chord-tone ratio", generated.chordToneRatio.value_or(NAN), data.chordToneRatio.value_or(NAN));
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
      request.constraints = steeringConstraints(model.vocabulary(), model.encoding(), {}, {});
    const GenerationMethod method = defaultMethod(model);
    if (method == GenerationMethod::SlidingWindow)
      for (int i = 0; i < args.novelty; ++i) requests[i].primer = model.vocabulary().encode(randomPrimer(model, args.seed + i));
    const auto sequences = generateTokens(model, std::move(requests), args.tokens, method);
    report["novelty"] = nlohmann::json::array();
    std::size_t longest = 0, longestBars = 0;
    std::vector<Tokens> generated;
    for (const auto& sequence : sequences) {
      generated.push_back(model.vocabulary().decode(sequence));
      const CopiedRun run = index.longestCopiedRun(generated.back());
      const std::size_t bars = wholeBarsCopied(generated.back(), run);
      report["novelty"].push_back({{"longestCopiedRun", run.length}, {"start", run.start}, {"wholeBars", bars}});
      longest = std::max(longest, run.length);
      longestBars = std::max(longestBars, bars);
    }
    report["longestCopiedRun"] = longest;
    if (model.encoding() == "timed") report["mostWholeBarsCopied"] = longestBars;
    if (!args.json) {
      std::printf("novelty           longest run copied from DATA: %zu tokens", longest);
      if (model.encoding() == "timed") std::printf("; whole bars in a copied run: at most %zu", longestBars);
      std::printf(" (over %d pieces of %d tokens)\n", args.novelty, args.tokens);
    }

    // What the generated music looks like beside the held-out music, both
    // decoded from tokens the same way.
    std::vector<Tokens> data;
    for (const Piece& piece : heldOut) data.push_back(piece.tokens);
    const MusicStats generatedStats = statsOf(generated, *encoding, args.seed);
    const MusicStats dataStats = statsOf(data, *encoding, args.seed);
    report["stats"] = {{"generated", toJson(generatedStats)}, {"data", toJson(dataStats)}};
    if (!args.json) printStatsSideBySide(generatedStats, dataStats, generated.size(), data.size());
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
