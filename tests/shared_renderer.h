// One FluidSynth renderer for the whole test program: loading the soundfont
// is the slow part. Null when no General MIDI soundfont is installed.
#pragma once

#include <exception>
#include <memory>

#include "audio/fluidsynth_renderer.h"
#include "audio/soundfont.h"

namespace lofi::testing {

inline FluidsynthRenderer* sharedRenderer() {
  static std::unique_ptr<FluidsynthRenderer> renderer = [] {
    try {
      return std::make_unique<FluidsynthRenderer>(findSoundfont(""));
    } catch (const std::exception&) {
      return std::unique_ptr<FluidsynthRenderer>();
    }
  }();
  return renderer.get();
}

}  // namespace lofi::testing
