#include "audio/ambience/loop_builder.h"

#include <algorithm>

namespace lofi::ambience {

std::vector<float> crossfadeLoop(const std::vector<float>& extended, std::size_t loopFrames) {
  std::vector<float> loop(extended.begin(), extended.begin() + static_cast<long>(std::min(loopFrames, extended.size())));
  loop.resize(loopFrames, 0.0f);
  const std::size_t fade = std::min(extended.size() - std::min(extended.size(), loopFrames), loopFrames);
  for (std::size_t i = 0; i < fade; ++i) {
    const double angle = 0.5 * std::numbers::pi * (static_cast<double>(i) + 0.5) / static_cast<double>(fade);
    // At i = 0 the overhang (which follows the loop's last frame) is heard;
    // by i = fade the loop's own start has taken over.
    loop[i] = static_cast<float>(extended[i] * std::sin(angle) + extended[loopFrames + i] * std::cos(angle));
  }
  return loop;
}

void addCircular(std::vector<float>& loop, std::int64_t start, const std::vector<float>& grain, float gain) {
  if (loop.empty()) return;
  const auto size = static_cast<std::int64_t>(loop.size());
  std::int64_t index = ((start % size) + size) % size;
  for (float sample : grain) {
    loop[static_cast<std::size_t>(index)] += gain * sample;
    if (++index == size) index = 0;
  }
}

std::vector<float> interleave(const std::vector<float>& left, const std::vector<float>& right) {
  std::vector<float> stereo(2 * std::min(left.size(), right.size()));
  for (std::size_t i = 0; i < stereo.size() / 2; ++i) {
    stereo[2 * i] = left[i];
    stereo[2 * i + 1] = right[i];
  }
  return stereo;
}

}  // namespace lofi::ambience
