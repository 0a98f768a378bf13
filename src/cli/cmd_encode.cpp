// lofi encode FILE|DIR [--encoding classic|timed] [--json]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "music/part_filter.h"
#include "music/corpus_encoder.h"

namespace lofi::cli {
namespace {

struct EncodeArgs {
  std::string input;
  std::string encoding = "classic";
  bool json = false;
  std::string parts;  // "melody": only these MIDI parts
};

void printJson(const EncodedCorpus& corpus, const std::string& encoding) {
  nlohmann::ordered_json out;
  out["encoding"] = encoding;
  out["files"] = nlohmann::ordered_json::array();
  for (const EncodedFile& file : corpus.files) out["files"].push_back({{"file", file.file}, {"tokens", file.tokens}});
  out["skipped"] = nlohmann::ordered_json::array();
  for (const SkippedFile& skipped : corpus.skipped)
    out["skipped"].push_back({{"file", skipped.file}, {"reason", skipped.reason}});
  std::cout << out.dump() << '\n';
}

void printText(const EncodedCorpus& corpus) {
  for (const EncodedFile& file : corpus.files) {
    if (corpus.files.size() > 1) std::cout << "# " << file.file << '\n';
    for (std::size_t i = 0; i < file.tokens.size(); ++i) std::cout << (i ? " " : "") << file.tokens[i];
    std::cout << '\n';
  }
}

// Bad files in a folder are skipped with one warning each; the run fails
// only if no file at all could be read.
void run(const EncodeArgs& args) {
  if (!std::filesystem::exists(args.input)) throw std::runtime_error(args.input + ": no such file or folder");
  const auto encoding = makeEncoding(args.encoding);
  const EncodedCorpus corpus = encodeCorpus(args.input, *encoding, parsePartNames(args.parts));
  for (const SkippedFile& skipped : corpus.skipped)
    std::fprintf(stderr, "lofi: warning: skipping %s: %s\n", skipped.file.c_str(), skipped.reason.c_str());
  if (corpus.files.empty())
    throw std::runtime_error("none of the " + std::to_string(corpus.skipped.size()) + " MIDI files in " + args.input +
                             " could be read");
  if (args.json) printJson(corpus, args.encoding);
  else printText(corpus);
  std::fprintf(stderr, "encoded %zu files (%s): %zu tokens, vocabulary %zu; %zu files skipped\n",
               corpus.files.size(), args.encoding.c_str(), corpus.tokenCount(), corpus.vocabularySize(),
               corpus.skipped.size());
}

}  // namespace

void addEncodeCommand(CLI::App& app) {
  auto args = std::make_shared<EncodeArgs>();
  CLI::App* cmd = app.add_subcommand("encode", "Turn MIDI files into tokens");
  cmd->add_option("input", args->input, "A MIDI file, or a folder searched recursively for .mid/.midi files")
      ->required();
  cmd->add_option("--encoding,-e", args->encoding, "Token encoding")
      ->check(CLI::IsMember(encodingNames()))
      ->capture_default_str();
  cmd->add_option("--parts", args->parts, "Only these MIDI parts, by track name, comma-separated, e.g. melody (default: every part)");
  cmd->add_flag("--json", args->json,
                "Print JSON {\"files\": [{\"file\", \"tokens\"}], \"skipped\": [...]} (default: off)");
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
