#include "audio/render_pipeline.h"

#include "audio/levels.h"

namespace lofi {
namespace {

// Share of the progress bar for synthesis; the chain takes the rest.
constexpr double kSynthShare = 0.6;

}  // namespace

AudioBuffer renderScore(FluidsynthRenderer& renderer, const Score& score, const RenderPipelineOptions& options) {
  auto report = [&](double fraction) {
    if (options.progress) options.progress(fraction);
  };
  RenderOptions synthOptions = options.synth;
  const double synthShare = options.lofi ? kSynthShare : 1.0;
  synthOptions.progress = [&](double fraction) { report(fraction * synthShare); };
  AudioBuffer audio = renderer.render(score, synthOptions);
  if (options.lofi) {
    // The chain's saturation and bit depth assume a signal near full scale.
    normalizePeak(audio, -3.0);
    LofiChain(options.chain).process(audio, [&](double fraction) {
      report(synthShare + fraction * (1.0 - synthShare));
    });
  }
  normalizeLoudness(audio, options.targetLufs, options.peakCeilingDbfs);
  report(1.0);
  return audio;
}

}  // namespace lofi
