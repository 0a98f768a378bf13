// lofi generate [--model] [--tokens N | --bars N] [--temperature] [--top-k] [--top-p] [--seed]
//               [--primer FILE.mid|random] [--sampler default|window-argmax] [--chords] [--key] [--out] [--json]
#include <cstdio>
#include <iostream>
#include <optional>
#include <random>

#include "cli/commands.h"
#include "model/composer.h"
#include "model/default_model.h"
#include "music/note_events.h"
#include "music/score_io.h"
#include "music/transport_time.h"

namespace lofi::cli {
namespace {

struct GenerateArgs {
  std::string model;
  std::optional<int> tokens;
  std::optional<int> bars;
  SamplingSettings sampling;
  std::optional<std::uint64_t> seed;
  std::string primer;
  std::string sampler = "default";
  std::string out;
  bool json = false;
  double bpm = 80.0;
  int program = 0;
  std::string chords;
  std::string key;
};

constexpr int kDefaultTokens = 512;

ComposeOptions composeOptions(const GenerateArgs& args, const Model& model, const Encoding& encoding, std::uint64_t seed) {
  ComposeOptions options;
  options.seed = seed;
  options.sampling = args.sampling;
  if (args.bars) options.bars = *args.bars;
  else options.tokens = args.tokens.value_or(kDefaultTokens);
  options.decode.bpm = args.bpm;
  options.decode.program = args.program;
  options.steering = {args.chords, args.key};
  const bool window = args.sampler == "window-argmax";
  options.method = window ? GenerationMethod::SlidingWindow : defaultMethod(model);
  if (window) options.sampling = {0.0f, 0, 1.0f};  // the seed's argmax
  // The seed primes its window with real music; our default starts from scratch.
  const std::string primer = args.primer.empty() && options.method == GenerationMethod::SlidingWindow ? "random" : args.primer;
  if (primer == "random") {
    options.primer = randomPrimer(model, seed);
  } else if (!primer.empty()) {
    std::size_t unknown = 0;
    options.primer = primerFromMidi(model, encoding, primer, kSeedWindow, &unknown);
    if (unknown > 0) std::fprintf(stderr, "lofi: warning: %zu primer tokens are not in the model's vocabulary\n", unknown);
  }
  return options;
}

void printJson(const Track& track, const GenerateArgs& args, const Model& model, std::uint64_t seed) {
  nlohmann::ordered_json out;
  out["encoding"] = model.encoding();
  out["seed"] = seed;
  out["bpm"] = args.bpm;
  out["tokens"] = track.tokens;
  out["chords"] = nlohmann::json::array();
  for (const ChordSpan& span : track.chords)
    out["chords"].push_back({{"symbol", span.symbol},
                             {"time", formatTransportTime(span.startQuarters)},
                             {"duration", formatTransportTime(span.quarters)},
                             {"onsetBeats", span.startQuarters},
                             {"durationBeats", span.quarters}});
  out["notes"] = toJson(noteEvents(track.score));
  std::cout << out.dump() << '\n';
}

void run(const GenerateArgs& args) {
  const Model model = args.model.empty() ? loadDefaultModel() : Model::load(args.model);
  const auto encoding = makeEncoding(model.encoding());
  const std::uint64_t seed = args.seed ? *args.seed : std::random_device{}();
  const ComposeOptions options = composeOptions(args, model, *encoding, seed);
  const Track track = composeTrack(model, *encoding, options);
  const std::string out = !args.out.empty() ? args.out : (args.json ? "" : "track.mid");
  if (!out.empty()) writeScore(track.score, out);
  if (args.json) printJson(track, args, model, seed);
  std::fprintf(stderr, "generated %zu tokens, %d notes (seed %llu)%s%s\n", track.tokens.size(), track.score.noteCount(),
               static_cast<unsigned long long>(seed), out.empty() ? "" : ": ", out.c_str());
}

}  // namespace

void addGenerateCommand(CLI::App& app) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = app.add_subcommand("generate", "Write a solo track with a trained model");
  cmd->add_option("--model,-m", args->model, "Model file (default: the embedded default model, or $LOFI_MODEL)");
  auto* tokens = cmd->add_option("--tokens", args->tokens, "Tokens to generate (default: 512)")->check(CLI::Range(1, 100000));
  cmd->add_option("--bars", args->bars, "Generate until the track fills this many 4/4 bars")
      ->check(CLI::Range(1, 1000))
      ->excludes(tokens);
  cmd->add_option("--temperature,-t", args->sampling.temperature, "Sampling temperature (0: always the likeliest)")
      ->check(CLI::Range(0.0, 10.0))
      ->capture_default_str();
  cmd->add_option("--top-k", args->sampling.topK, "Keep the k likeliest tokens (0: all)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--top-p", args->sampling.topP, "Keep the likeliest tokens up to this probability (1: all)")
      ->check(CLI::Range(0.001, 1.0))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Seed: the same seed gives the same track (default: a random one, printed)");
  cmd->add_option("--primer", args->primer,
                  "A MIDI file to continue, or `random` for a window of the training music "
                  "(default: none; random with window-argmax)");
  cmd->add_option("--sampler", args->sampler, "default (state carried, sampling) or window-argmax (the seed's)")
      ->check(CLI::IsMember({"default", "window-argmax"}))
      ->capture_default_str();
  cmd->add_option("--chords", args->chords,
                  "Chord progression, one chord per bar, e.g. \"Dm9 G13 Cmaj9 A7b9\" (timed: each bar starts "
                  "with its chord; classic: notes keep to chord and key tones)");
  cmd->add_option("--key", args->key, "Key: notes keep to its scale (classic: and to the chord's tones), e.g. \"D minor\"");
  cmd->add_option("--out,-o", args->out, "MIDI file to write (default: track.mid, none with --json)");
  cmd->add_flag("--json", args->json, "Print the notes as JSON: onset and duration in beats and Transport time");
  cmd->add_option("--bpm", args->bpm, "Tempo")->check(CLI::Range(20.0, 300.0))->capture_default_str();
  cmd->add_option("--program", args->program, "General MIDI instrument (0 = piano)")
      ->check(CLI::Range(0, 127))
      ->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
