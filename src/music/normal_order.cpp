#include "music/normal_order.h"

#include <algorithm>

#include "music/pitch_names.h"

namespace lofi {
namespace {

// Interval from the first class of a rotation to its k-th class.
int spanTo(const std::vector<int>& rotation, std::size_t k) { return ((rotation[k] - rotation[0]) % 12 + 12) % 12; }

// Total span first, then the intervals from the first class upwards.
std::vector<int> compactnessKey(const std::vector<int>& rotation) {
  std::vector<int> key{spanTo(rotation, rotation.size() - 1)};
  for (std::size_t k = 1; k + 1 < rotation.size(); ++k) key.push_back(spanTo(rotation, k));
  key.push_back(rotation[0]);  // lowest starting class last
  return key;
}

}  // namespace

std::vector<int> normalOrder(const std::vector<int>& pitchClasses) {
  std::vector<int> classes;
  for (int value : pitchClasses) classes.push_back(pitchClass(value));
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  if (classes.size() <= 1) return classes;

  std::vector<int> best;
  std::vector<int> bestKey;
  for (std::size_t start = 0; start < classes.size(); ++start) {
    std::vector<int> rotation;
    rotation.reserve(classes.size());
    for (std::size_t k = 0; k < classes.size(); ++k) rotation.push_back(classes[(start + k) % classes.size()]);
    std::vector<int> key = compactnessKey(rotation);
    if (best.empty() || key < bestKey) {
      best = std::move(rotation);
      bestKey = std::move(key);
    }
  }
  return best;
}

std::string normalOrderToken(const std::vector<int>& midiPitches) {
  std::string token;
  for (int pc : normalOrder(midiPitches)) {
    if (!token.empty()) token += '.';
    token += std::to_string(pc);
  }
  return token;
}

}  // namespace lofi
