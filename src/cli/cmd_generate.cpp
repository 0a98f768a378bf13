// lofi generate [--model] [--bars N | --tokens N] [--temperature] [--top-k] [--top-p] [--seed]
//               [--chords] [--key] [--mood] [--bpm] [--instrument] [--primer FILE.mid|random]
//               [--sampler default|window-argmax] [--out] [--json]
// The request and its defaults are the library's (model/generation_request.h),
// the same as POST /api/generate's; --json prints the same answer.
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "model/default_model.h"
#include "model/soloist.h"
#include "music/score_io.h"

namespace lofi::cli {
namespace {

struct GenerateArgs {
  std::string model;
  GenerationRequest request;
  std::optional<int> program;
  std::string primer;
  std::string sampler = "default";
  std::string out;
  bool json = false;
};

GenerationSettings settingsFor(const GenerateArgs& args, const Model& model, const Encoding& encoding) {
  GenerationRequest request = args.request;
  if (args.program) request.instrument = std::to_string(*args.program);
  GenerationSettings settings = resolve(request);
  if (args.sampler == "window-argmax") {
    settings.method = GenerationMethod::SlidingWindow;
    settings.sampling = {0.0f, 0, 1.0f};  // the seed's argmax
  }
  if (args.primer == "random") {
    settings.primer = randomPrimer(model, settings.seed);
  } else if (!args.primer.empty()) {
    std::size_t unknown = 0;
    settings.primer = primerFromMidi(model, encoding, args.primer, kSeedWindow, &unknown);
    if (unknown > 0) std::fprintf(stderr, "lofi: warning: %zu primer tokens are not in the model's vocabulary\n", unknown);
  }
  return settings;
}

void run(const GenerateArgs& args) {
  const Model model = args.model.empty() ? loadDefaultModel() : Model::load(args.model);
  const auto encoding = makeEncoding(model.encoding());
  const Soloist soloist(model, *encoding);
  const GenerationSettings settings = settingsFor(args, model, *encoding);
  const Solo solo = soloist.write(settings);
  if (!settings.chords.empty() && solo.steering != "chords")
    std::fprintf(stderr, "lofi: warning: this model cannot keep to the chords; the notes keep to %s\n",
                 solo.steering == "key" ? "the key" : "nothing");
  const std::string out = !args.out.empty() ? args.out : (args.json ? "" : "track.mid");
  if (!out.empty()) writeScore(arrangement(solo), out);
  if (args.json) {
    nlohmann::json answer = toJson(solo);
    answer["tokens"] = solo.track.tokens;
    std::cout << answer.dump() << '\n';
  }
  std::fprintf(stderr, "generated %zu tokens, %d notes (seed %llu)%s%s\n", solo.track.tokens.size(),
               solo.track.score.noteCount(), static_cast<unsigned long long>(settings.seed), out.empty() ? "" : ": ",
               out.c_str());
}

}  // namespace

void addGenerateCommand(CLI::App& app) {
  auto args = std::make_shared<GenerateArgs>();
  GenerationRequest& request = args->request;
  CLI::App* cmd = app.add_subcommand("generate", "Write a solo track with a trained model");
  cmd->add_option("--model,-m", args->model, "Model file (default: the embedded default model, or $LOFI_MODEL)");
  auto* bars = cmd->add_option("--bars", request.bars, "Generate until the track fills this many 4/4 bars")
                   ->check(CLI::Range(1, 1000))
                   ->capture_default_str();
  cmd->add_option("--tokens", request.tokens, "Generate exactly this many tokens instead of bars")
      ->check(CLI::Range(1, 100000))
      ->excludes(bars);
  cmd->add_option("--temperature,-t", request.temperature,
                  "Sampling temperature, 0: always the likeliest (default: the mood's, else 1)")
      ->check(CLI::Range(0.0, 10.0));
  cmd->add_option("--top-k", request.topK, "Keep the k likeliest tokens (0: all)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--top-p", request.topP, "Keep the likeliest tokens up to this probability (1: all)")
      ->check(CLI::Range(0.001, 1.0))
      ->capture_default_str();
  cmd->add_option("--seed", request.seed, "Seed: the same seed gives the same track (default: a random one, printed)");
  cmd->add_option("--chords", request.chords,
                  "Chord progression, one chord per bar, e.g. \"Dm9 G13 Cmaj9 A7b9\" (timed: each bar starts "
                  "with its chord; classic: notes keep to chord and key tones)");
  cmd->add_option("--key", request.key, "Key: notes keep to its scale (classic: and to the chord's tones), e.g. \"D minor\"");
  cmd->add_option("--mood", request.mood,
                  "A sentence whose feeling picks the chords, key, tempo and instrument, e.g. \"rainy and a bit sad\"");
  cmd->add_option("--bpm", request.bpm, "Tempo (default: the mood's, else 80)")->check(CLI::Range(20.0, 300.0));
  auto* instrument = cmd->add_option("--instrument", request.instrument,
                                     "Solo instrument: General MIDI name words or number (default: the mood's, else piano)");
  cmd->add_option("--program", args->program, "General MIDI instrument number (same as --instrument N)")
      ->check(CLI::Range(0, 127))
      ->excludes(instrument);
  cmd->add_option("--primer", args->primer,
                  "A MIDI file to continue, or `random` for a window of the training music "
                  "(default: none; random with window-argmax)");
  cmd->add_option("--sampler", args->sampler, "default (state carried, sampling) or window-argmax (the seed's)")
      ->check(CLI::IsMember({"default", "window-argmax"}))
      ->capture_default_str();
  cmd->add_option("--out,-o", args->out, "MIDI file to write (default: track.mid, none with --json)");
  cmd->add_flag("--json", args->json,
                "Print the answer of POST /api/generate (notes, chords, key...) and the tokens as JSON");
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
