// The classic encoding against music21 8.1 on files made to be hard, the CI
// part of bench/differential.py: 100 files of bench/midi_fuzz.py (seed 1,
// files 0-99) and the 60 composed pieces of `lofi corpus --songs 60 --seed 77`,
// with the tokens music21 gave for them (tests/data/differential/*/music21-v8.1-tokens.json).
// Files music21 itself fails on are not compared.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "music/classic/classic_encoding.h"
#include "music/corpus_encoder.h"

namespace lofi {
namespace {

const std::filesystem::path kData = std::filesystem::path(LOFI_SOURCE_DIR) / "tests" / "data" / "differential";

// The first token where two sequences part, with a few tokens around it.
std::string firstDifference(const Tokens& ours, const Tokens& music21) {
  std::size_t index = 0;
  while (index < ours.size() && index < music21.size() && ours[index] == music21[index]) ++index;
  auto window = [&](const Tokens& tokens) {
    std::string text;
    for (std::size_t i = index; i < tokens.size() && i < index + 4; ++i) text += tokens[i] + " ";
    return text;
  };
  return "token " + std::to_string(index) + " (ours " + std::to_string(ours.size()) + ", music21 " +
         std::to_string(music21.size()) + "): ours [" + window(ours) + "] music21 [" + window(music21) + "]";
}

void expectAllMatch(const std::string& set, std::size_t expectedCompared) {
  std::ifstream in(kData / set / "music21-v8.1-tokens.json");
  ASSERT_TRUE(in) << "missing " << (kData / set / "music21-v8.1-tokens.json");
  std::map<std::string, Tokens> expected;
  const nlohmann::json music21 = nlohmann::json::parse(in);
  for (const auto& file : music21.at("files"))
    if (file.contains("tokens")) expected[file.at("file")] = file.at("tokens").get<Tokens>();

  const EncodedCorpus corpus = encodeCorpus((kData / set).string(), ClassicEncoding());
  std::map<std::string, const Tokens*> ours;
  for (const EncodedFile& file : corpus.files) ours[file.file] = &file.tokens;

  std::size_t exact = 0;
  for (const auto& [file, tokens] : expected) {
    const auto found = ours.find(file);
    if (found == ours.end()) {
      ADD_FAILURE() << set << "/" << file << ": lofi skipped it";
      continue;
    }
    if (*found->second == tokens) ++exact;
    else ADD_FAILURE() << set << "/" << file << " differs at " << firstDifference(*found->second, tokens);
  }
  EXPECT_EQ(expected.size(), expectedCompared);
  EXPECT_EQ(exact, expected.size()) << set << ": " << exact << " of " << expected.size() << " files exact";
}

TEST(ClassicDifferential, GeneratedFilesMatchMusic21) { expectAllMatch("generated", 97); }

TEST(ClassicDifferential, ComposedPiecesMatchMusic21) { expectAllMatch("composed", 60); }

}  // namespace
}  // namespace lofi
