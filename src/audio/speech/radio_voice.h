// The old-radio chain that lets a voice sit in the mix: band-limited to a
// small speaker's 300-3400 Hz with a honk in the middle, driven into soft
// saturation, over a little hiss and mains hum.
#pragma once

#include <cstdint>

#include "audio/audio_buffer.h"

namespace lofi {

struct RadioVoiceOptions {
  double lowHz = 300;
  double highHz = 3400;
  double honkHz = 1500;    // the small speaker's resonance
  double honkDb = 4.0;
  double drive = 3.0;      // tape saturation drive
  double hissDb = -50.0;   // under the voice, relative to full scale before the final level
  double humDb = -56.0;
  double padSeconds = 0.35;  // radio noise before and after the words
  double targetLufs = -18.0;
  std::uint64_t seed = 5;
};

AudioBuffer radioVoice(const AudioBuffer& speech, const RadioVoiceOptions& options = {});

}  // namespace lofi
