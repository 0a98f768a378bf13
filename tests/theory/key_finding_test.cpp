#include "music/theory/key_finding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lofi::theory {
namespace {

// Each note of `pitchClasses` sounding `quarters` long, the first (tonic) twice as long.
std::string keyOf(const std::vector<int>& pitchClasses) {
  std::array<double, 12> weights{};
  for (std::size_t i = 0; i < pitchClasses.size(); ++i) weights[pitchClasses[i]] += i == 0 ? 2.0 : 1.0;
  const auto key = estimateKey(weights);
  return key ? toString(*key) : "none";
}

TEST(KeyFinding, ScalesWithTheirTonicStressedGiveTheirKey) {
  EXPECT_EQ(keyOf({0, 2, 4, 5, 7, 9, 11, 0, 4, 7}), "C major");
  EXPECT_EQ(keyOf({9, 11, 0, 2, 4, 5, 7, 9, 0, 4}), "A minor");
  EXPECT_EQ(keyOf({3, 5, 7, 8, 10, 0, 2, 3, 7, 10}), "Eb major");
  EXPECT_EQ(keyOf({1, 3, 4, 6, 8, 9, 11, 1, 4, 8}), "C# minor");
}

TEST(KeyFinding, EveryTransposedTriadFindsItsKey) {
  for (int tonic = 0; tonic < 12; ++tonic) {
    std::array<double, 12> major{}, minor{};
    for (int step : {0, 4, 7}) major[(tonic + step) % 12] += 1;
    for (int step : {0, 3, 7}) minor[(tonic + step) % 12] += 1;
    ASSERT_TRUE(estimateKey(major));
    EXPECT_EQ(pitchClass(estimateKey(major)->tonic), tonic);
    EXPECT_EQ(estimateKey(major)->mode, Mode::Major);
    EXPECT_EQ(pitchClass(estimateKey(minor)->tonic), tonic);
    EXPECT_EQ(estimateKey(minor)->mode, Mode::NaturalMinor);
  }
}

TEST(KeyFinding, SilenceHasNoKey) {
  EXPECT_FALSE(estimateKey({}));
}

}  // namespace
}  // namespace lofi::theory
