// A record's run-out groove: hiss, a low rumble that turns with the platter,
// random crackle, and one scratch that ticks at the same place every turn.
// The loop holds whole turns (1.8 s at 33 1/3 rpm), so the tick keeps time.
#include <cmath>

#include "audio/ambience/synthesis_kit.h"
#include "audio/dsp/biquad.h"
#include "audio/dsp/noise.h"
#include "audio/levels.h"
#include "audio/lofi_chain/vinyl_noise.h"

namespace lofi {
namespace {

using ambience::LoopFrames;

std::vector<float> groove(const LoopFrames& frames, double loopSeconds, int turns, std::uint64_t seed) {
  SeededRandom white(seed);
  dsp::BrownNoise brown(seed + 1);
  dsp::Biquad hissColour(dsp::BiquadCoefficients::lowPass(frames.rate, 8000));
  dsp::Biquad rumbleColour(dsp::BiquadCoefficients::lowPass(frames.rate, 60));
  std::vector<float> out(frames.extended);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / frames.rate;
    const double wobble = 1.0 + 0.5 * ambience::loopSine(t, loopSeconds, turns);
    out[i] = static_cast<float>(0.01 * hissColour.process(white.bipolar()) +
                                0.1 * wobble * rumbleColour.process(brown.next()));
  }
  return ambience::crossfadeLoop(out, frames.loop);
}

}  // namespace

AudioBuffer synthesizeVinyl(const AmbienceOptions& options) {
  const int turns = std::max(1, static_cast<int>(std::lround(options.loopSeconds / kRecordTurnSeconds)));
  AmbienceOptions whole = options;
  whole.loopSeconds = turns * kRecordTurnSeconds;
  const LoopFrames frames = ambience::loopFramesOf(whole);
  AudioBuffer buffer(frames.rate, 2);
  buffer.samples = ambience::interleave(groove(frames, whole.loopSeconds, turns, options.seed * 53 + 1),
                                        groove(frames, whole.loopSeconds, turns, options.seed * 53 + 2));
  for (int channel = 0; channel < 2; ++channel)
    addCrackles(buffer, channel, 4.0, -12.0, options.seed * 53 + 3 + static_cast<std::uint64_t>(channel));
  const std::vector<float> scratch = ambience::clickGrain(0.002, options.seed * 53 + 5, frames.rate);
  for (int turn = 0; turn < turns; ++turn) {
    const auto start = static_cast<std::size_t>((turn + 0.37) * kRecordTurnSeconds * frames.rate);
    for (std::size_t i = 0; i < scratch.size(); ++i)
      for (int channel = 0; channel < 2; ++channel)
        buffer.at((start + i) % frames.loop, channel) += static_cast<float>(dbToGain(-24.0)) * scratch[i];
  }
  normalizeLoudness(buffer, -32.0, -1.0);
  return buffer;
}

}  // namespace lofi
