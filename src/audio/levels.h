// Measuring and setting levels: sample peak, RMS, and integrated loudness
// after ITU-R BS.1770 (K-weighting and gating), in LUFS.
#pragma once

#include "audio/audio_buffer.h"

namespace lofi {

inline constexpr double kSilenceDb = -200.0;  // what the measures return for digital silence

double gainToDb(double gain);
double dbToGain(double db);

double peakDbfs(const AudioBuffer& buffer);
double rmsDbfs(const AudioBuffer& buffer);
// Integrated loudness in LUFS: 400 ms blocks every 100 ms, gated at -70 LUFS
// and then 10 LU under the ungated mean. A sound shorter than one block is
// measured as one block.
double integratedLoudness(const AudioBuffer& buffer);

void applyGain(AudioBuffer& buffer, double gainDb);

struct NormalizeResult {
  double gainDb = 0;
  bool limitedByPeak = false;  // the target would have pushed the peak over the ceiling
};

// Scales the buffer to `targetLufs`, but never so far that its peak exceeds
// `peakCeilingDbfs`. Silence is left as it is.
NormalizeResult normalizeLoudness(AudioBuffer& buffer, double targetLufs, double peakCeilingDbfs = -1.0);

// Scales the buffer so that its peak is exactly `peakDbfs`.
double normalizePeak(AudioBuffer& buffer, double peakDbfs);

}  // namespace lofi
