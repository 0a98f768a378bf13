// A small room: Freeverb's design (eight damped feedback combs in parallel,
// then four all-passes in series, per channel, the right channel's delays a
// little longer for width), mixed under the dry sound.
#pragma once

#include "audio/lofi_chain/effect.h"

namespace lofi {

struct RoomReverbOptions {
  double roomSize = 0.45;  // 0..1: comb feedback 0.7..0.98, the decay time
  double damping = 0.5;    // 0..1: how fast the highs die in the tail
  double wet = 0.18;       // level of the room under the dry sound
  double dry = 1.0;
};

class RoomReverb : public Effect {
 public:
  explicit RoomReverb(RoomReverbOptions options = {}) : options_(options) {}
  void process(AudioBuffer& buffer) const override;
  std::string name() const override { return "room reverb"; }

 private:
  RoomReverbOptions options_;
};

}  // namespace lofi
