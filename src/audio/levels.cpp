#include "audio/levels.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "audio/dsp/biquad.h"

namespace lofi {
namespace {

// The two BS.1770 pre-filters (a high shelf modelling the head, then a
// high-pass), designed for any sample rate as libebur128 does; at 48 kHz they
// match the standard's coefficients.
dsp::BiquadCoefficients kWeightingShelf(double sampleRate) {
  const double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
  const double k = std::tan(std::numbers::pi * f0 / sampleRate);
  const double vh = std::pow(10.0, gainDb / 20.0), vb = std::pow(vh, 0.4996667741545416);
  const double a0 = 1.0 + k / q + k * k;
  return {(vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
          2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

dsp::BiquadCoefficients kWeightingHighPass(double sampleRate) {
  const double f0 = 38.13547087602444, q = 0.5003270373238773;
  const double k = std::tan(std::numbers::pi * f0 / sampleRate);
  const double a0 = 1.0 + k / q + k * k;
  return {1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

// Mean square per channel of the K-weighted signal, block by block.
std::vector<double> kWeightedBlockPowers(const AudioBuffer& buffer) {
  const auto frames = buffer.frames();
  std::vector<double> weightedSquares(frames, 0.0);
  for (int channel = 0; channel < buffer.channels; ++channel) {
    dsp::Biquad shelf(kWeightingShelf(buffer.sampleRate));
    dsp::Biquad highPass(kWeightingHighPass(buffer.sampleRate));
    for (std::size_t frame = 0; frame < frames; ++frame) {
      const double y = highPass.process(shelf.process(buffer.at(frame, channel)));
      weightedSquares[frame] += y * y;
    }
  }
  const auto blockFrames = static_cast<std::size_t>(0.4 * buffer.sampleRate);
  const auto stepFrames = std::max<std::size_t>(1, blockFrames / 4);
  std::vector<double> powers;
  if (frames <= blockFrames) {
    double sum = 0;
    for (double s : weightedSquares) sum += s;
    if (frames > 0) powers.push_back(sum / static_cast<double>(frames));
    return powers;
  }
  // Running sums make each block's mean one subtraction.
  std::vector<double> running(frames + 1, 0.0);
  for (std::size_t i = 0; i < frames; ++i) running[i + 1] = running[i] + weightedSquares[i];
  for (std::size_t start = 0; start + blockFrames <= frames; start += stepFrames)
    powers.push_back((running[start + blockFrames] - running[start]) / static_cast<double>(blockFrames));
  return powers;
}

double loudnessOfPower(double power) { return power > 0 ? -0.691 + 10.0 * std::log10(power) : kSilenceDb; }

double meanPowerAbove(const std::vector<double>& powers, double gateLufs) {
  double sum = 0;
  int count = 0;
  for (double p : powers) {
    if (loudnessOfPower(p) > gateLufs) {
      sum += p;
      ++count;
    }
  }
  return count > 0 ? sum / count : 0.0;
}

}  // namespace

double gainToDb(double gain) { return gain > 0 ? std::max(kSilenceDb, 20.0 * std::log10(gain)) : kSilenceDb; }
double dbToGain(double db) { return std::pow(10.0, db / 20.0); }

double peakDbfs(const AudioBuffer& buffer) {
  float peak = 0.0f;
  for (float s : buffer.samples) peak = std::max(peak, std::abs(s));
  return gainToDb(peak);
}

double rmsDbfs(const AudioBuffer& buffer) {
  if (buffer.samples.empty()) return kSilenceDb;
  double sum = 0;
  for (float s : buffer.samples) sum += static_cast<double>(s) * s;
  return gainToDb(std::sqrt(sum / static_cast<double>(buffer.samples.size())));
}

double integratedLoudness(const AudioBuffer& buffer) {
  const std::vector<double> powers = kWeightedBlockPowers(buffer);
  const double absoluteGated = meanPowerAbove(powers, -70.0);
  if (absoluteGated <= 0) return kSilenceDb;
  const double relativeGate = loudnessOfPower(absoluteGated) - 10.0;
  return loudnessOfPower(meanPowerAbove(powers, std::max(-70.0, relativeGate)));
}

void applyGain(AudioBuffer& buffer, double gainDb) {
  const auto gain = static_cast<float>(dbToGain(gainDb));
  for (float& s : buffer.samples) s *= gain;
}

NormalizeResult normalizeLoudness(AudioBuffer& buffer, double targetLufs, double peakCeilingDbfs) {
  const double loudness = integratedLoudness(buffer);
  const double peak = peakDbfs(buffer);
  if (loudness <= kSilenceDb || peak <= kSilenceDb) return {};
  NormalizeResult result{targetLufs - loudness, false};
  if (peak + result.gainDb > peakCeilingDbfs) {
    result.gainDb = peakCeilingDbfs - peak;
    result.limitedByPeak = true;
  }
  applyGain(buffer, result.gainDb);
  return result;
}

double normalizePeak(AudioBuffer& buffer, double targetPeakDbfs) {
  const double peak = peakDbfs(buffer);
  if (peak <= kSilenceDb) return 0.0;
  const double gainDb = targetPeakDbfs - peak;
  applyGain(buffer, gainDb);
  return gainDb;
}

}  // namespace lofi
