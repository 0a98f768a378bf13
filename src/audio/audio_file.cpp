#include "audio/audio_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "common/atomic_file.h"

namespace lofi {
namespace {

// A growable byte buffer that libsndfile reads and writes through its
// virtual I/O interface, so that encoding never touches the disk.
struct MemoryFile {
  std::vector<std::uint8_t> bytes;
  sf_count_t position = 0;
};

sf_count_t memoryLength(void* user) { return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes.size()); }

sf_count_t memorySeek(sf_count_t offset, int whence, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  sf_count_t base = 0;
  if (whence == SEEK_CUR) base = file->position;
  if (whence == SEEK_END) base = static_cast<sf_count_t>(file->bytes.size());
  file->position = std::max<sf_count_t>(0, base + offset);
  return file->position;
}

sf_count_t memoryRead(void* out, sf_count_t count, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  const sf_count_t available = static_cast<sf_count_t>(file->bytes.size()) - file->position;
  const sf_count_t n = std::clamp<sf_count_t>(count, 0, std::max<sf_count_t>(0, available));
  if (n > 0) std::memcpy(out, file->bytes.data() + file->position, static_cast<std::size_t>(n));
  file->position += n;
  return n;
}

sf_count_t memoryWrite(const void* in, sf_count_t count, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  const auto end = static_cast<std::size_t>(file->position + count);
  if (end > file->bytes.size()) file->bytes.resize(end);
  std::memcpy(file->bytes.data() + file->position, in, static_cast<std::size_t>(count));
  file->position += count;
  return count;
}

sf_count_t memoryTell(void* user) { return static_cast<MemoryFile*>(user)->position; }

SF_VIRTUAL_IO memoryIo() { return {memoryLength, memorySeek, memoryRead, memoryWrite, memoryTell}; }

struct SndfileCloser {
  void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

int sndfileFormat(AudioFormat format) {
  switch (format) {
    case AudioFormat::Wav: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case AudioFormat::OggVorbis: return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case AudioFormat::Mp3: return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
  }
  return 0;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

constexpr sf_count_t kEncodeBlockFrames = 4096;

// Maximum decoded length, so that a hostile header cannot exhaust memory.
constexpr sf_count_t kMaxDecodedSamples = sf_count_t{48000} * 2 * 60 * 60;

}  // namespace

AudioFormat audioFormatForPath(const std::string& path) {
  const auto dot = path.find_last_of('.');
  const std::string extension = dot == std::string::npos ? "" : lowercase(path.substr(dot));
  if (extension == ".wav") return AudioFormat::Wav;
  if (extension == ".ogg" || extension == ".oga") return AudioFormat::OggVorbis;
  if (extension == ".mp3") return AudioFormat::Mp3;
  throw AudioFileError(path + ": unknown audio file extension (expected .wav, .ogg or .mp3)");
}

const char* extensionOf(AudioFormat format) {
  switch (format) {
    case AudioFormat::Wav: return ".wav";
    case AudioFormat::OggVorbis: return ".ogg";
    case AudioFormat::Mp3: return ".mp3";
  }
  return "";
}

std::vector<std::uint8_t> encodeAudio(const AudioBuffer& buffer, AudioFormat format, const EncodeOptions& options) {
  if (buffer.channels < 1 || buffer.channels > 2 || buffer.sampleRate < 8000)
    throw AudioFileError("cannot encode audio with " + std::to_string(buffer.channels) + " channels at " +
                         std::to_string(buffer.sampleRate) + " Hz");
  MemoryFile memory;
  SF_VIRTUAL_IO io = memoryIo();
  SF_INFO info{};
  info.samplerate = buffer.sampleRate;
  info.channels = buffer.channels;
  info.format = sndfileFormat(format);
  SndfileHandle file(sf_open_virtual(&io, SFM_WRITE, &info, &memory));
  if (!file) throw AudioFileError(std::string("cannot start encoding ") + extensionOf(format) + ": " + sf_strerror(nullptr));
  if (format == AudioFormat::Wav) {
    sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);  // clip rather than wrap around
  } else {
    double compression = std::clamp(1.0 - options.quality, 0.0, 1.0);
    sf_command(file.get(), SFC_SET_COMPRESSION_LEVEL, &compression, sizeof compression);
  }
  // In blocks: libvorbis (through libsndfile 1.2) crashes when handed a
  // minute of audio in one call.
  const auto frames = static_cast<sf_count_t>(buffer.frames());
  for (sf_count_t done = 0; done < frames;) {
    const sf_count_t block = std::min<sf_count_t>(kEncodeBlockFrames, frames - done);
    if (sf_writef_float(file.get(), buffer.samples.data() + done * buffer.channels, block) != block)
      throw AudioFileError(std::string("encoding ") + extensionOf(format) + " failed: " + sf_strerror(file.get()));
    done += block;
  }
  file.reset();  // flushes the last pages
  return std::move(memory.bytes);
}

void writeAudioFile(const std::string& path, const AudioBuffer& buffer, const EncodeOptions& options) {
  const auto bytes = encodeAudio(buffer, audioFormatForPath(path), options);
  writeFileAtomically(path, bytes);
}

AudioBuffer decodeAudio(const std::vector<std::uint8_t>& bytes, const std::string& nameForErrors) {
  MemoryFile memory{bytes, 0};
  SF_VIRTUAL_IO io = memoryIo();
  SF_INFO info{};
  SndfileHandle file(sf_open_virtual(&io, SFM_READ, &info, &memory));
  if (!file) throw AudioFileError(nameForErrors + ": not a readable audio file (" + sf_strerror(nullptr) + ")");
  if (info.channels < 1 || info.channels > 8)
    throw AudioFileError(nameForErrors + ": unsupported channel count " + std::to_string(info.channels));
  AudioBuffer buffer(info.samplerate, info.channels);
  std::vector<float> block(4096 * static_cast<std::size_t>(info.channels));
  for (;;) {
    const sf_count_t read = sf_readf_float(file.get(), block.data(), 4096);
    if (read <= 0) break;
    buffer.samples.insert(buffer.samples.end(), block.begin(), block.begin() + read * info.channels);
    if (static_cast<sf_count_t>(buffer.samples.size()) > kMaxDecodedSamples)
      throw AudioFileError(nameForErrors + ": longer than the one-hour limit");
  }
  return buffer;
}

AudioBuffer readAudioFile(const std::string& path) {
  const std::string content = readFileToString(path, std::size_t{512} << 20);
  return decodeAudio(std::vector<std::uint8_t>(content.begin(), content.end()), path);
}

}  // namespace lofi
