// From a score to finished audio: synthesize, run the lo-fi chain, and bring
// the result to a common loudness under a safe peak.
#pragma once

#include <functional>

#include "audio/fluidsynth_renderer.h"
#include "audio/lofi_chain/lofi_chain.h"

namespace lofi {

struct RenderPipelineOptions {
  RenderOptions synth;
  bool lofi = true;
  LofiChainOptions chain;
  double targetLufs = -16.0;
  // Under the -0.3 dBFS that players tolerate, leaving room for lossy encoders' overshoot.
  double peakCeilingDbfs = -1.0;
  std::function<void(double)> progress;  // 0..1 over the whole pipeline
};

AudioBuffer renderScore(FluidsynthRenderer& renderer, const Score& score, const RenderPipelineOptions& options = {});

}  // namespace lofi
