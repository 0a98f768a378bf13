// The classic encoding against the tokens music21 8.1 gave the seed for every
// file of the shared corpus (music21-v8.1-tokens.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "music/classic/classic_encoding.h"
#include "music/corpus_encoder.h"

namespace lofi {
namespace {

// All 92 files match; a change that breaks one fails the test.
constexpr int kRequiredExactFiles = 92;

const std::filesystem::path kCorpus = std::filesystem::path(LOFI_SHARED_DIR) / "corpora" / "piano-composer";

std::size_t editDistance(const Tokens& a, const Tokens& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(previous, current);
  }
  return previous[b.size()];
}

TEST(ClassicCorpus, EditDistanceCountsTokenEdits) {
  EXPECT_EQ(editDistance({"a", "b", "c"}, {"a", "b", "c"}), 0u);
  EXPECT_EQ(editDistance({"a", "b", "c"}, {"a", "c"}), 1u);
  EXPECT_EQ(editDistance({"a", "b"}, {"b", "a"}), 2u);
  EXPECT_EQ(editDistance({}, {"x", "y"}), 2u);
}

TEST(ClassicCorpus, MatchesMusic21OnEveryFile) {
  const auto expectedPath = kCorpus / "music21-v8.1-tokens.json";
  if (!std::filesystem::exists(expectedPath)) GTEST_SKIP() << "corpus not found at " << kCorpus;

  std::ifstream in(expectedPath);
  const nlohmann::json expectedJson = nlohmann::json::parse(in);
  std::map<std::string, Tokens> expected;
  for (const auto& file : expectedJson.at("files")) expected[file.at("file")] = file.at("tokens").get<Tokens>();

  const EncodedCorpus corpus = encodeCorpus((kCorpus / "midi").string(), ClassicEncoding());
  for (const SkippedFile& skipped : corpus.skipped) ADD_FAILURE() << skipped.file << " skipped: " << skipped.reason;

  int exact = 0;
  std::size_t totalDistance = 0;
  for (const EncodedFile& file : corpus.files) {
    const auto want = expected.find(file.file);
    if (want == expected.end()) {
      ADD_FAILURE() << file.file << " has no expected tokens";
      continue;
    }
    if (file.tokens == want->second) {
      ++exact;
      continue;
    }
    const std::size_t distance = editDistance(file.tokens, want->second);
    totalDistance += distance;
    std::cout << "  differs: " << file.file << " (" << file.tokens.size() << " tokens, music21 "
              << want->second.size() << ", edit distance " << distance << ")\n";
  }
  std::cout << "classic encoding: " << exact << " of " << expected.size()
            << " files match music21 exactly; edit distance of the rest " << totalDistance << "\n";
  EXPECT_EQ(corpus.files.size(), expected.size());
  EXPECT_GE(exact, kRequiredExactFiles);
}

}  // namespace
}  // namespace lofi
