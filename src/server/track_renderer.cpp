#include "server/track_renderer.h"

#include "audio/audio_file.h"
#include "audio/render_pipeline.h"
#include "audio/soundfont.h"
#include "server/api_error.h"

namespace lofi::server {

std::string TrackRenderer::renderOgg(const Score& score) {
  AudioBuffer audio;
  {
    std::lock_guard lock(mutex_);
    if (!synth_) {
      try {
        synth_ = std::make_unique<FluidsynthRenderer>(findSoundfont(""));
      } catch (const std::exception& error) {
        throw ApiError(503, std::string("audio rendering is not available: ") + error.what());
      }
    }
    audio = renderScore(*synth_, score);
  }
  const std::vector<std::uint8_t> ogg = encodeAudio(audio, AudioFormat::OggVorbis);
  return std::string(ogg.begin(), ogg.end());
}

}  // namespace lofi::server
