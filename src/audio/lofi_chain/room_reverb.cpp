#include "audio/lofi_chain/room_reverb.h"

#include <algorithm>
#include <array>
#include <future>
#include <vector>

namespace lofi {
namespace {

// Freeverb's tunings, in samples at 44.1 kHz; scaled for other rates.
constexpr std::array<int, 8> kCombTunings = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
constexpr std::array<int, 4> kAllPassTunings = {556, 441, 341, 225};
constexpr int kStereoSpread = 23;
constexpr float kInputGain = 0.015f;
constexpr float kAllPassFeedback = 0.5f;

class Comb {
 public:
  Comb(int length, float feedback, float damping) : buffer_(static_cast<std::size_t>(length)), feedback_(feedback),
                                                     damp_(damping) {}
  float process(float input) {
    const float output = buffer_[index_];
    filterState_ = output * (1 - damp_) + filterState_ * damp_;  // the tail loses its highs
    buffer_[index_] = input + filterState_ * feedback_;
    if (++index_ == buffer_.size()) index_ = 0;
    return output;
  }

 private:
  std::vector<float> buffer_;
  std::size_t index_ = 0;
  float feedback_, damp_, filterState_ = 0;
};

class AllPass {
 public:
  explicit AllPass(int length) : buffer_(static_cast<std::size_t>(length)) {}
  float process(float input) {
    const float delayed = buffer_[index_];
    const float output = delayed - input;
    buffer_[index_] = input + delayed * kAllPassFeedback;
    if (++index_ == buffer_.size()) index_ = 0;
    return output;
  }

 private:
  std::vector<float> buffer_;
  std::size_t index_ = 0;
};

// The reverberated signal alone, for one channel's set of delays.
std::vector<float> tankOutput(const std::vector<float>& input, double rateScale, int spread,
                              const RoomReverbOptions& options) {
  const auto feedback = static_cast<float>(0.7 + 0.28 * std::clamp(options.roomSize, 0.0, 1.0));
  const auto damping = static_cast<float>(0.4 * std::clamp(options.damping, 0.0, 1.0));
  std::vector<Comb> combs;
  for (int tuning : kCombTunings)
    combs.emplace_back(std::max(1, static_cast<int>((tuning + spread) * rateScale)), feedback, damping);
  std::vector<AllPass> allPasses;
  for (int tuning : kAllPassTunings) allPasses.emplace_back(std::max(1, static_cast<int>((tuning + spread) * rateScale)));
  std::vector<float> out(input.size());
  for (std::size_t i = 0; i < input.size(); ++i) {
    const float in = input[i] * kInputGain;
    float sum = 0;
    for (Comb& comb : combs) sum += comb.process(in);
    for (AllPass& allPass : allPasses) sum = allPass.process(sum);
    out[i] = sum;
  }
  return out;
}

}  // namespace

void RoomReverb::process(AudioBuffer& buffer) const {
  const double rateScale = buffer.sampleRate / 44100.0;
  // Both sides hear the same (mono) input, as in Freeverb; the spread in
  // delay lengths is what makes the room wide.
  std::vector<float> mono(buffer.frames());
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
    float sum = 0;
    for (int channel = 0; channel < buffer.channels; ++channel) sum += buffer.at(frame, channel);
    mono[frame] = sum / static_cast<float>(buffer.channels);
  }
  // Freeverb's wet scale (3) puts the tank's output near the input's level.
  const auto wet = static_cast<float>(3.0 * options_.wet);
  const auto dry = static_cast<float>(options_.dry);
  // The channels' tanks are independent: the second runs on another thread.
  std::vector<std::future<std::vector<float>>> rooms;
  for (int channel = 0; channel < buffer.channels; ++channel) {
    const int spread = channel % 2 == 0 ? 0 : kStereoSpread;
    const auto policy = channel == 0 ? std::launch::deferred : std::launch::async;
    rooms.push_back(std::async(policy, [&, spread] { return tankOutput(mono, rateScale, spread, options_); }));
  }
  for (int channel = 0; channel < buffer.channels; ++channel) {
    const std::vector<float> room = rooms[static_cast<std::size_t>(channel)].get();
    for (std::size_t frame = 0; frame < buffer.frames(); ++frame)
      buffer.at(frame, channel) = dry * buffer.at(frame, channel) + wet * room[frame];
  }
}

}  // namespace lofi
