// One stage of the lo-fi chain: a function from a buffer to a buffer, with its
// settings held in an options struct whose defaults are the chain's sound.
// Stages keep no state between calls: each call processes a whole buffer.
#pragma once

#include <string>

#include "audio/audio_buffer.h"

namespace lofi {

class Effect {
 public:
  virtual ~Effect() = default;
  virtual void process(AudioBuffer& buffer) const = 0;
  virtual std::string name() const = 0;
};

}  // namespace lofi
