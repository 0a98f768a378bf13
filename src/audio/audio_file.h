// Audio files in and out through libsndfile: WAV (16-bit PCM), Ogg Vorbis and
// MP3. Writing is atomic: the file appears whole or not at all.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "audio/audio_buffer.h"

namespace lofi {

enum class AudioFormat { Wav, OggVorbis, Mp3 };

struct EncodeOptions {
  // Lossy quality from 0 (smallest) to 1 (best): libsndfile's
  // SFC_SET_VBR_ENCODING_QUALITY, for Vorbis and MP3.
  double quality = 0.4;
};

class AudioFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// By extension: .wav, .ogg/.oga, .mp3. Throws AudioFileError naming the path otherwise.
AudioFormat audioFormatForPath(const std::string& path);
const char* extensionOf(AudioFormat format);

// Encodes into memory (what the server sends, and what the file writer stores).
std::vector<std::uint8_t> encodeAudio(const AudioBuffer& buffer, AudioFormat format, const EncodeOptions& options = {});

// Encodes by the path's extension and writes the file atomically.
void writeAudioFile(const std::string& path, const AudioBuffer& buffer, const EncodeOptions& options = {});

// Decodes any format libsndfile reads (used by tests and to measure assets).
AudioBuffer readAudioFile(const std::string& path);
AudioBuffer decodeAudio(const std::vector<std::uint8_t>& bytes, const std::string& nameForErrors);

}  // namespace lofi
