#include "audio/ambience/synthesis_kit.h"

#include <numbers>

#include "common/seeded_random.h"
#include "audio/levels.h"

namespace lofi::ambience {

LoopFrames loopFramesOf(const AmbienceOptions& options) {
  const auto loop = static_cast<std::size_t>(std::llround(options.loopSeconds * options.sampleRate));
  const auto fade = static_cast<std::size_t>(std::llround(options.fadeSeconds * options.sampleRate));
  return {loop, loop + std::min(fade, loop), options.sampleRate};
}

std::vector<float> toneGrain(double frequencyHz, double seconds, double glide, double decayPerSecond, int rate) {
  const auto length = static_cast<std::size_t>(std::max(2.0, seconds * rate));
  std::vector<float> grain(length);
  double phase = 0;
  for (std::size_t i = 0; i < length; ++i) {
    const double t = static_cast<double>(i) / rate;
    const double progress = static_cast<double>(i) / static_cast<double>(length);
    phase += 2.0 * std::numbers::pi * frequencyHz * (1.0 + glide * progress) / rate;
    const double attack = std::min(1.0, t * 2000.0);  // 0.5 ms: no click at the onset
    const double release = std::min(1.0, (1.0 - progress) * 20.0);  // the last 5% fades out
    grain[i] = static_cast<float>(std::sin(phase) * std::exp(-decayPerSecond * t) * attack * release);
  }
  return grain;
}

std::vector<float> clickGrain(double seconds, std::uint64_t seed, int rate) {
  SeededRandom random(seed);
  const auto length = static_cast<std::size_t>(std::max(3.0, seconds * rate));
  std::vector<float> grain(length);
  float previous = 0;
  for (std::size_t i = 0; i < length; ++i) {
    const float noise = random.bipolar();
    const double envelope = std::exp(-5.0 * static_cast<double>(i) / static_cast<double>(length));
    grain[i] = static_cast<float>((noise - previous) * 0.5 * envelope);  // differencing: a bright click
    previous = noise;
  }
  return grain;
}

AudioBuffer finishLoop(const std::vector<float>& left, const std::vector<float>& right, int rate, double targetLufs) {
  AudioBuffer buffer(rate, 2);
  buffer.samples = interleave(left, right);
  normalizeLoudness(buffer, targetLufs, -1.0);
  return buffer;
}

}  // namespace lofi::ambience
