// Measurements for tests of synthesized sound: band-limited copies, windowed
// levels, autocorrelation and the seam of a loop.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "audio/audio_buffer.h"
#include "audio/dsp/biquad.h"

namespace lofi::test {

// The part of a mono signal between two frequencies (24 dB/octave edges).
inline std::vector<float> band(const std::vector<float>& signal, int rate, double lowHz, double highHz) {
  using dsp::Biquad;
  using dsp::BiquadCoefficients;
  Biquad hp1(BiquadCoefficients::highPass(rate, lowHz)), hp2(hp1.coefficients());
  Biquad lp1(BiquadCoefficients::lowPass(rate, highHz)), lp2(lp1.coefficients());
  std::vector<float> out(signal.size());
  for (std::size_t i = 0; i < signal.size(); ++i) out[i] = lp2.process(lp1.process(hp2.process(hp1.process(signal[i]))));
  return out;
}

inline double meanSquare(const std::vector<float>& signal, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  to = std::min(to, signal.size());
  double sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += static_cast<double>(signal[i]) * signal[i];
  return to > from ? sum / static_cast<double>(to - from) : 0.0;
}

inline double powerDb(double meanSquareValue) { return 10.0 * std::log10(meanSquareValue + 1e-30); }

// Mean square of consecutive windows.
inline std::vector<double> windowPowers(const std::vector<float>& signal, std::size_t windowFrames) {
  std::vector<double> powers;
  for (std::size_t start = 0; start + windowFrames <= signal.size(); start += windowFrames)
    powers.push_back(meanSquare(signal, start, start + windowFrames));
  return powers;
}

inline double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  const auto k = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<long>(k), values.end());
  return values[k];
}

// Normalised autocorrelation of a sequence (mean removed) at a lag.
inline double autocorrelation(const std::vector<double>& values, std::size_t lag) {
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double num = 0, den = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    den += (values[i] - mean) * (values[i] - mean);
    if (i + lag < values.size()) num += (values[i] - mean) * (values[i + lag] - mean);
  }
  return den > 0 ? num / den : 0.0;
}

// Counts separate bursts: windows louder than `factor` times the median
// window, with at least `gapWindows` quiet windows between two bursts.
inline int countBursts(const std::vector<double>& powers, double factor, std::size_t gapWindows) {
  const double threshold = factor * quantile(powers, 0.5);
  int bursts = 0;
  std::size_t quiet = gapWindows;
  for (double p : powers) {
    if (p > threshold) {
      if (quiet >= gapWindows) ++bursts;
      quiet = 0;
    } else {
      ++quiet;
    }
  }
  return bursts;
}

inline std::vector<float> channelSamples(const AudioBuffer& buffer, int channel) {
  std::vector<float> out(buffer.frames());
  for (std::size_t f = 0; f < buffer.frames(); ++f) out[f] = buffer.at(f, channel);
  return out;
}

struct SeamReport {
  double seamStep;           // |first - last| sample
  double typicalStep;        // 99.5th percentile of |x[i] - x[i-1]| inside the loop
  double seamRoughness;      // second-difference power in 2 ms around the seam
  double typicalRoughness;   // 99th percentile of the same over the loop
  double worstBandDeviationDb;  // the seam window's band levels outside the range of all other windows
  double seamLevelJumpDb;       // largest band level change from the last 0.25 s to the first
  double typicalLevelJumpDb;    // 99th percentile of the same between neighbouring windows inside
};

// Looks at a loop played twice: does anything happen at the join that does
// not happen elsewhere? One channel.
inline SeamReport inspectSeam(const std::vector<float>& loop, int rate) {
  SeamReport report{};
  std::vector<double> steps;
  for (std::size_t i = 1; i < loop.size(); ++i) steps.push_back(std::abs(loop[i] - loop[i - 1]));
  report.seamStep = std::abs(loop.front() - loop.back());
  report.typicalStep = quantile(steps, 0.995);

  std::vector<float> twice(loop);
  twice.insert(twice.end(), loop.begin(), loop.end());
  const std::size_t seam = loop.size();
  std::vector<float> rough(twice.size(), 0.0f);
  for (std::size_t i = 1; i + 1 < twice.size(); ++i) rough[i] = twice[i + 1] - 2 * twice[i] + twice[i - 1];
  const auto small = static_cast<std::size_t>(0.002 * rate);
  std::vector<double> roughness;
  for (std::size_t start = small; start + small < seam; start += small) roughness.push_back(meanSquare(rough, start, start + small));
  report.seamRoughness = meanSquare(rough, seam - small / 2, seam + small / 2);
  report.typicalRoughness = quantile(roughness, 0.99);

  // Band levels of half-second windows: the one centred on the seam must sit
  // among the others (no dip, no bump). And quarter-second neighbours across
  // the seam must not differ more than neighbours elsewhere (no jump).
  const auto window = static_cast<std::size_t>(0.5 * rate);
  const auto quarter = window / 2;
  const double edges[][2] = {{20, 300}, {300, 3000}, {3000, 12000}};
  std::vector<double> jumps;
  for (const auto& edge : edges) {
    const std::vector<float> part = band(twice, rate, edge[0], std::min(edge[1], 0.45 * rate));
    double lowest = 1e300, highest = 0;
    for (std::size_t start = seam / 2; start + window <= seam / 2 + seam - window; start += window / 2) {
      if (start + window > seam - window && start < seam + window) continue;  // leave the seam out
      const double p = meanSquare(part, start, start + window);
      lowest = std::min(lowest, p);
      highest = std::max(highest, p);
    }
    const double atSeam = meanSquare(part, seam - window / 2, seam + window / 2);
    const double deviation = atSeam > highest ? powerDb(atSeam) - powerDb(highest)
                             : atSeam < lowest ? powerDb(lowest) - powerDb(atSeam) : 0.0;
    report.worstBandDeviationDb = std::max(report.worstBandDeviationDb, deviation);
    for (std::size_t start = seam / 2; start + 2 * quarter <= seam / 2 + seam; start += quarter) {
      if (start < seam && start + 2 * quarter > seam) continue;
      jumps.push_back(std::abs(powerDb(meanSquare(part, start, start + quarter)) -
                               powerDb(meanSquare(part, start + quarter, start + 2 * quarter))));
    }
    const double jump = std::abs(powerDb(meanSquare(part, seam - quarter, seam)) - powerDb(meanSquare(part, seam, seam + quarter)));
    report.seamLevelJumpDb = std::max(report.seamLevelJumpDb, jump);
  }
  report.typicalLevelJumpDb = quantile(jumps, 0.99);
  return report;
}

}  // namespace lofi::test
