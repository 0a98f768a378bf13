// The sampled instruments and drum kit of the web player, rendered from the
// soundfont: which notes, how long, and how each sample is trimmed and
// brought to a common loudness.
#pragma once

#include <string>
#include <vector>

#include "audio/audio_buffer.h"
#include "audio/fluidsynth_renderer.h"

namespace lofi {

struct InstrumentSampleSpec {
  std::string name;     // "piano": also the folder of its files
  int program;          // General MIDI
  int lowest, highest;  // MIDI notes; samples every minor third from `lowest`
  double holdSeconds;   // key held this long, then released
  double maxSeconds;    // the sample's longest length, release included
};

struct DrumSampleSpec {
  std::string name;  // "kick": the name grooves use
  int kit;           // General MIDI drum kit (bank 128 program): 0 standard, 40 brush
  int note;          // General MIDI percussion key
  double maxSeconds;
};

struct SampleSettings {
  int velocity = 96;
  double instrumentLufs = -20.0;
  double drumLufs = -18.0;
  double peakCeilingDbfs = -1.0;
  double silenceDb = -60.0;  // below the peak: where a sample's tail is cut
};

const std::vector<InstrumentSampleSpec>& playerInstruments();
const std::vector<DrumSampleSpec>& playerDrumKit();

// lowest, lowest + 3, ... up to highest.
std::vector<int> minorThirdsFrom(int lowest, int highest);

// Scientific pitch names as Tone.js writes them: 60 -> "C4", 63 -> "D#4".
std::string noteName(int midiNote);
// The same, safe in a file name: 63 -> "Ds4".
std::string noteFileStem(int midiNote);

// Cuts leading silence (keeping 1 ms before the attack) and the tail once it
// stays `silenceDb` under the peak, with a short fade so the cut is silent.
AudioBuffer trimSample(const AudioBuffer& sample, double silenceDb);

// Mono, trimmed and loudness-matched samples.
AudioBuffer renderInstrumentSample(FluidsynthRenderer& renderer, const InstrumentSampleSpec& spec, int note,
                                   const SampleSettings& settings = {});
AudioBuffer renderDrumSample(FluidsynthRenderer& renderer, const DrumSampleSpec& spec,
                             const SampleSettings& settings = {});

}  // namespace lofi
