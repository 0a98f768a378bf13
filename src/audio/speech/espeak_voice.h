// Text to speech with espeak-ng's library, synchronously into a buffer (no
// audio device). espeak-ng keeps global state, so calls are serialised.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "audio/audio_buffer.h"

namespace lofi {

struct SpeechOptions {
  std::string voice = "en-us+m3";  // a language, optionally +variant (the mb-* voices need MBROLA: not these)
  int wordsPerMinute = 135;         // unhurried
  int pitch = 38;                   // 0..100, 50 is espeak's normal
  int pitchRange = 40;              // 0 monotone .. 100
};

// Text too long, empty, or not speakable.
class SpeechError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxSpokenCharacters = 400;

// Mono 16-bit-quality speech at espeak-ng's rate (22050 Hz). Plain text only
// (no SSML); throws SpeechError if the text is empty, over
// kMaxSpokenCharacters, or espeak-ng fails (with its data path).
AudioBuffer speak(const std::string& text, const SpeechOptions& options = {});

}  // namespace lofi
