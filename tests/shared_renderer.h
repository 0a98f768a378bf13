// One FluidSynth renderer for the whole test program: loading the soundfont
// is the slow part. scripts/setup.sh installs the General MIDI soundfont
// (fluid-soundfont-gm), so a test that needs one fails, saying why, when it
// cannot be used; it does not skip.
#pragma once

#include <exception>
#include <memory>
#include <string>

#include "audio/fluidsynth_renderer.h"
#include "audio/soundfont.h"

namespace lofi::testing {

// Why the soundfont cannot be used, or empty when it can.
inline std::string soundfontProblem() {
  try {
    findSoundfont("");
    return {};
  } catch (const std::exception& error) {
    return std::string(error.what()) + "; scripts/setup.sh installs fluid-soundfont-gm";
  }
}

struct SharedRenderer {
  std::unique_ptr<FluidsynthRenderer> renderer;  // null when it could not be made
  std::string problem;                           // then why
};

inline const SharedRenderer& sharedRendererState() {
  static const SharedRenderer shared = [] {
    SharedRenderer made;
    try {
      made.renderer = std::make_unique<FluidsynthRenderer>(findSoundfont(""));
    } catch (const std::exception& error) {
      made.problem = std::string(error.what()) + "; scripts/setup.sh installs fluid-soundfont-gm";
    }
    return made;
  }();
  return shared;
}

inline FluidsynthRenderer* sharedRenderer() { return sharedRendererState().renderer.get(); }

}  // namespace lofi::testing

