// The lo-fi chain: the stages in the order a sound would meet them on its way
// from a worn tape through an old sampler into a small room, with the
// record's crackle on top. Every stage can be set or switched off.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "audio/lofi_chain/bit_crusher.h"
#include "audio/lofi_chain/effect.h"
#include "audio/lofi_chain/low_pass.h"
#include "audio/lofi_chain/room_reverb.h"
#include "audio/lofi_chain/tape_saturation.h"
#include "audio/lofi_chain/vinyl_noise.h"
#include "audio/lofi_chain/wow_flutter.h"

namespace lofi {

struct LofiChainOptions {
  bool wowFlutterOn = true;
  WowFlutterOptions wowFlutter;
  bool saturationOn = true;
  TapeSaturationOptions saturation;
  bool bitCrusherOn = true;
  BitCrusherOptions bitCrusher;
  bool lowPassOn = true;
  LowPassOptions lowPass;
  bool reverbOn = true;
  RoomReverbOptions reverb;
  double reverbTailSeconds = 1.2;  // silence added at the end so the room can ring out
  bool vinylOn = true;
  VinylNoiseOptions vinyl;
};

class LofiChain {
 public:
  explicit LofiChain(const LofiChainOptions& options = {});

  // Runs every enabled stage in order; `progress` hears 0..1 after each stage.
  void process(AudioBuffer& buffer, const std::function<void(double)>& progress = {}) const;
  const std::vector<std::unique_ptr<Effect>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Effect>> stages_;
  double tailSeconds_ = 0;
};

}  // namespace lofi
