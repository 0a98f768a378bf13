// lofi decode TOKENS --out FILE.mid
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "common/atomic_file.h"
#include "music/encoding.h"
#include "music/score_io.h"

namespace lofi::cli {
namespace {

struct DecodeArgs {
  std::string input;
  std::string output;
  std::string encoding;  // empty: as the JSON says, else classic
  std::string file;      // which entry of an `encode --json` document
  DecodeOptions options;
};

struct TokenDocument {
  Tokens tokens;
  std::string encoding;
};

Tokens tokensFromJson(const nlohmann::json& value, const std::string& where) {
  if (!value.is_array()) throw std::runtime_error(where + ": \"tokens\" must be an array of strings");
  Tokens tokens;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) throw std::runtime_error(where + ": token " + std::to_string(i) + " is not a string");
    tokens.push_back(value[i].get<std::string>());
  }
  return tokens;
}

// Accepts the output of `lofi encode --json`, {"tokens": [...]}, a JSON array,
// or plain text with tokens separated by white space.
TokenDocument readTokens(const std::string& path, const std::string& wantedFile) {
  const std::string content = readFileToString(path, std::size_t{256} << 20);
  const auto firstChar = content.find_first_not_of(" \t\r\n");
  TokenDocument document;
  if (firstChar == std::string::npos) throw std::runtime_error(path + ": no tokens");
  if (content[firstChar] != '{' && content[firstChar] != '[') {
    std::istringstream words(content);
    for (std::string token; words >> token;)
      if (token[0] != '#') document.tokens.push_back(token);
    return document;
  }
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(content);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::runtime_error(path + ": invalid JSON at byte " + std::to_string(error.byte));
  }
  if (json.is_array()) {
    document.tokens = tokensFromJson(json, path);
    return document;
  }
  if (json.contains("encoding") && json["encoding"].is_string()) document.encoding = json["encoding"];
  if (json.contains("tokens")) {
    document.tokens = tokensFromJson(json["tokens"], path);
    return document;
  }
  if (!json.contains("files") || !json["files"].is_array() || json["files"].empty())
    throw std::runtime_error(path + ": expected \"tokens\" or a non-empty \"files\" list");
  for (const auto& entry : json["files"]) {
    const std::string name = entry.value("file", "");
    if (wantedFile.empty() || name == wantedFile) {
      document.tokens = tokensFromJson(entry.value("tokens", nlohmann::json()), path + " (" + name + ")");
      return document;
    }
  }
  throw std::runtime_error(path + ": no entry for file '" + wantedFile + "'");
}

void run(DecodeArgs args) {
  const TokenDocument document = readTokens(args.input, args.file);
  const std::string encodingName =
      !args.encoding.empty() ? args.encoding : (!document.encoding.empty() ? document.encoding : "classic");
  const auto encoding = makeEncoding(encodingName);
  const Score score = encoding->decode(document.tokens, args.options);
  writeScore(score, args.output);
  std::fprintf(stderr, "decoded %zu tokens (%s) into %d notes: %s\n", document.tokens.size(), encodingName.c_str(),
               score.noteCount(), args.output.c_str());
}

}  // namespace

void addDecodeCommand(CLI::App& app) {
  auto args = std::make_shared<DecodeArgs>();
  CLI::App* cmd = app.add_subcommand("decode", "Turn tokens back into a MIDI file");
  cmd->add_option("tokens", args->input,
                  "Tokens: the JSON of `lofi encode --json`, {\"tokens\": [...]}, or plain text")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", args->output, "MIDI file to write")->required();
  cmd->add_option("--encoding,-e", args->encoding, "Token encoding (default: as the JSON says, else classic)")
      ->check(CLI::IsMember(encodingNames()));
  cmd->add_option("--file", args->file, "Which file of an `encode --json` document (default: the first)");
  cmd->add_option("--seed", args->options.seed, "Seed for the drawn note lengths")->capture_default_str();
  cmd->add_option("--bpm", args->options.bpm, "Tempo")->check(CLI::Range(20.0, 300.0))->capture_default_str();
  cmd->add_option("--program", args->options.program, "General MIDI instrument (0 = piano)")
      ->check(CLI::Range(0, 127))
      ->capture_default_str();
  cmd->add_option("--chord-octave", args->options.chordOctave, "Octave of pitch-class chords (classic)")
      ->check(CLI::Range(1, 7))
      ->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
