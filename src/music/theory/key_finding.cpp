#include "music/theory/key_finding.h"

#include <cmath>

namespace lofi::theory {
namespace {

// Probe-tone ratings for the tonic and each semitone above it.
constexpr std::array<double, 12> kMajorProfile = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr std::array<double, 12> kMinorProfile = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

// The spelling of each tonic in the key signature with fewer accidentals.
constexpr std::array<NoteName, 12> kMajorTonics = {{{'C', 0}, {'D', -1}, {'D', 0}, {'E', -1}, {'E', 0}, {'F', 0},
                                                   {'F', 1}, {'G', 0}, {'A', -1}, {'A', 0}, {'B', -1}, {'B', 0}}};
constexpr std::array<NoteName, 12> kMinorTonics = {{{'C', 0}, {'C', 1}, {'D', 0}, {'E', -1}, {'E', 0}, {'F', 0},
                                                   {'F', 1}, {'G', 0}, {'G', 1}, {'A', 0}, {'B', -1}, {'B', 0}}};

double correlation(const std::array<double, 12>& weights, const std::array<double, 12>& profile, int tonic) {
  double meanWeight = 0, meanProfile = 0;
  for (int pc = 0; pc < 12; ++pc) {
    meanWeight += weights[pc] / 12;
    meanProfile += profile[pc] / 12;
  }
  double covariance = 0, weightVariance = 0, profileVariance = 0;
  for (int pc = 0; pc < 12; ++pc) {
    const double w = weights[pc] - meanWeight;
    const double p = profile[(pc - tonic + 12) % 12] - meanProfile;
    covariance += w * p;
    weightVariance += w * w;
    profileVariance += p * p;
  }
  if (weightVariance == 0) return 0;  // every pitch class equally: no key stands out
  return covariance / std::sqrt(weightVariance * profileVariance);
}

}  // namespace

std::optional<Scale> estimateKey(const std::array<double, 12>& weights) {
  double total = 0;
  for (double weight : weights) total += weight;
  if (!(total > 0)) return std::nullopt;
  Scale best{kMajorTonics[0], Mode::Major};
  double bestScore = -2;
  for (int tonic = 0; tonic < 12; ++tonic) {
    if (const double score = correlation(weights, kMajorProfile, tonic); score > bestScore) {
      bestScore = score;
      best = {kMajorTonics[tonic], Mode::Major};
    }
    if (const double score = correlation(weights, kMinorProfile, tonic); score > bestScore) {
      bestScore = score;
      best = {kMinorTonics[tonic], Mode::NaturalMinor};
    }
  }
  return best;
}

}  // namespace lofi::theory
