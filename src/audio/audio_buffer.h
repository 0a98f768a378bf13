// Sound as plain data: a sample rate, a channel count and interleaved float
// samples (nominally within -1..1). Every stage of the project takes and
// returns these.
#pragma once

#include <cstddef>
#include <vector>

namespace lofi {

struct AudioBuffer {
  int sampleRate = 44100;
  int channels = 1;
  std::vector<float> samples;  // interleaved: frame 0 channel 0, frame 0 channel 1, ...

  AudioBuffer() = default;
  AudioBuffer(int rate, int channelCount, std::size_t frameCount = 0)
      : sampleRate(rate), channels(channelCount), samples(frameCount * static_cast<std::size_t>(channelCount)) {}

  std::size_t frames() const { return channels > 0 ? samples.size() / static_cast<std::size_t>(channels) : 0; }
  double seconds() const { return sampleRate > 0 ? static_cast<double>(frames()) / sampleRate : 0.0; }
  float& at(std::size_t frame, int channel) { return samples[frame * channels + channel]; }
  float at(std::size_t frame, int channel) const { return samples[frame * channels + channel]; }
  bool empty() const { return samples.empty(); }
};

// One channel of a buffer as its own mono buffer.
inline AudioBuffer channelOf(const AudioBuffer& buffer, int channel) {
  AudioBuffer mono(buffer.sampleRate, 1, buffer.frames());
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame) mono.samples[frame] = buffer.at(frame, channel);
  return mono;
}

// The average of all channels.
inline AudioBuffer mixToMono(const AudioBuffer& buffer) {
  if (buffer.channels == 1) return buffer;
  AudioBuffer mono(buffer.sampleRate, 1, buffer.frames());
  for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
    float sum = 0.0f;
    for (int channel = 0; channel < buffer.channels; ++channel) sum += buffer.at(frame, channel);
    mono.samples[frame] = sum / static_cast<float>(buffer.channels);
  }
  return mono;
}

}  // namespace lofi
