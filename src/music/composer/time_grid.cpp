#include "music/composer/time_grid.h"

#include <array>

namespace lofi::composer {

std::int64_t tickOfStep(int step, bool swing) {
  static constexpr std::array<int, kStepsPerBeat> kStraight = {0, 120, 240, 360};
  static constexpr std::array<int, kStepsPerBeat> kSwung = {0, 160, 320, 400};
  const int beat = step >= 0 ? step / kStepsPerBeat : (step - kStepsPerBeat + 1) / kStepsPerBeat;
  const int within = step - beat * kStepsPerBeat;
  const auto& offsets = swing ? kSwung : kStraight;
  return static_cast<std::int64_t>(beat) * kTicksPerQuarter + offsets[static_cast<std::size_t>(within)];
}

}  // namespace lofi::composer
