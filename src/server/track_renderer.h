// Generated tracks as lo-fi audio: FluidSynth with the General MIDI
// soundfont, then the lo-fi chain, encoded as Ogg Vorbis. The synthesizer
// (the soundfont alone is about 140 MB in memory) is loaded on the first
// render, not at start, and shared: renders take turns.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audio/fluidsynth_renderer.h"
#include "music/score.h"

namespace lofi::server {

class TrackRenderer {
 public:
  // Throws ApiError 503 naming the soundfonts tried when none can be loaded.
  std::string renderOgg(const Score& score);

 private:
  std::mutex mutex_;
  std::unique_ptr<FluidsynthRenderer> synth_;
};

}  // namespace lofi::server
