#include "audio/lofi_chain/lofi_chain.h"

namespace lofi {

LofiChain::LofiChain(const LofiChainOptions& options) {
  if (options.wowFlutterOn) stages_.push_back(std::make_unique<WowFlutter>(options.wowFlutter));
  if (options.saturationOn) stages_.push_back(std::make_unique<TapeSaturation>(options.saturation));
  if (options.bitCrusherOn) stages_.push_back(std::make_unique<BitCrusher>(options.bitCrusher));
  // After the crusher, so that it also softens the crusher's aliases.
  if (options.lowPassOn) stages_.push_back(std::make_unique<LowPass>(options.lowPass));
  if (options.reverbOn) {
    stages_.push_back(std::make_unique<RoomReverb>(options.reverb));
    tailSeconds_ = options.reverbTailSeconds;
  }
  if (options.vinylOn) stages_.push_back(std::make_unique<VinylNoise>(options.vinyl));
}

void LofiChain::process(AudioBuffer& buffer, const std::function<void(double)>& progress) const {
  buffer.samples.resize(buffer.samples.size() +
                        static_cast<std::size_t>(tailSeconds_ * buffer.sampleRate) * static_cast<std::size_t>(buffer.channels));
  for (std::size_t i = 0; i < stages_.size(); ++i) {
    stages_[i]->process(buffer);
    if (progress) progress(static_cast<double>(i + 1) / static_cast<double>(stages_.size()));
  }
}

}  // namespace lofi
