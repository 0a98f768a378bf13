#include "audio/lofi_chain/low_pass.h"

#include <vector>

#include "audio/dsp/biquad.h"

namespace lofi {

void LowPass::process(AudioBuffer& buffer) const {
  const auto design = dsp::BiquadCoefficients::lowPass(buffer.sampleRate, options_.cutoffHz, options_.q);
  for (int channel = 0; channel < buffer.channels; ++channel) {
    std::vector<dsp::Biquad> filters(static_cast<std::size_t>(options_.stages), dsp::Biquad(design));
    for (std::size_t frame = 0; frame < buffer.frames(); ++frame) {
      float sample = buffer.at(frame, channel);
      for (dsp::Biquad& filter : filters) sample = filter.process(sample);
      buffer.at(frame, channel) = sample;
    }
  }
}

}  // namespace lofi
