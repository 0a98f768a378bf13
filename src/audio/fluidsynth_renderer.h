// Renders scores to audio with FluidSynth and a General MIDI soundfont,
// offline: the score's tempo map places every note at its sample, and the
// synthesizer is run block by block as fast as the machine allows.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "audio/audio_buffer.h"
#include "music/score.h"

namespace lofi {

struct RenderOptions {
  std::optional<int> program;  // play every pitched part with this GM program
  double maxTailSeconds = 3.0;  // the release after the last note, cut once it falls silent
  // FluidSynth's own reverb and chorus: off by default, the lo-fi chain has its own room.
  bool synthEffects = false;
  // Called now and then with the fraction rendered, 0..1.
  std::function<void(double)> progress;
};

class FluidsynthRenderer {
 public:
  // Loads the soundfont; throws std::runtime_error naming the file if it cannot.
  explicit FluidsynthRenderer(const std::string& soundfontPath, int sampleRate = 44100);
  ~FluidsynthRenderer();
  FluidsynthRenderer(const FluidsynthRenderer&) = delete;
  FluidsynthRenderer& operator=(const FluidsynthRenderer&) = delete;

  // Stereo audio of the whole score, from tick 0 to the end of the last release.
  AudioBuffer render(const Score& score, const RenderOptions& options = {});

  // One note alone, as a sample for the web player: held for `holdSeconds`,
  // then released and rendered until silent or `maxSeconds` in all.
  AudioBuffer renderNote(int program, bool drum, int pitch, int velocity, double holdSeconds, double maxSeconds);

  int sampleRate() const { return sampleRate_; }
  const std::string& soundfontPath() const { return soundfontPath_; }

 private:
  struct Synth;
  std::unique_ptr<Synth> synth_;
  std::string soundfontPath_;
  int sampleRate_;
};

}  // namespace lofi
