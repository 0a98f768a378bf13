#include "audio/samples/sample_set.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "audio/levels.h"

namespace lofi {

const std::vector<InstrumentSampleSpec>& playerInstruments() {
  // Ranges are where each instrument is played in lo-fi, not its whole
  // compass; Tone.js's Sampler repitches the nearest sample for the notes between.
  static const std::vector<InstrumentSampleSpec> instruments = {
      {"piano", 0, 36, 96, 1.6, 2.6},          // Acoustic Grand, C2-C7
      {"electric-piano", 4, 36, 84, 1.6, 2.4}, // Electric Piano 1 (a tine piano), C2-C6
      {"jazz-guitar", 26, 42, 78, 1.2, 1.8},   // Electric Guitar (jazz), F#2-F#5
      {"electric-bass", 33, 30, 57, 1.0, 1.5}, // Electric Bass (finger), F#1-A3
  };
  return instruments;
}

const std::vector<DrumSampleSpec>& playerDrumKit() {
  static const std::vector<DrumSampleSpec> kit = {
      {"kick", 0, 36, 0.6},       {"snare", 0, 38, 0.6},  {"rim", 0, 37, 0.3},
      {"hatClosed", 0, 42, 0.3},  {"hatOpen", 0, 46, 1.0}, {"shaker", 0, 82, 0.3},
      {"ride", 0, 51, 1.6},       {"brush", 40, 38, 0.6},  // the brush kit's snare: a brush slap
  };
  return kit;
}

std::vector<int> minorThirdsFrom(int lowest, int highest) {
  std::vector<int> notes;
  for (int note = lowest; note <= highest; note += 3) notes.push_back(note);
  return notes;
}

std::string noteName(int midiNote) {
  static const std::array<const char*, 12> names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
  return std::string(names[static_cast<std::size_t>(((midiNote % 12) + 12) % 12)]) +
         std::to_string(midiNote / 12 - 1);
}

std::string noteFileStem(int midiNote) {
  std::string name = noteName(midiNote);
  std::replace(name.begin(), name.end(), '#', 's');
  return name;
}

AudioBuffer trimSample(const AudioBuffer& sample, double silenceDb) {
  const AudioBuffer mono = mixToMono(sample);
  const auto& s = mono.samples;
  float peak = 0.0f;
  for (float v : s) peak = std::max(peak, std::abs(v));
  if (peak <= 0.0f) return mono;
  const auto threshold = static_cast<float>(peak * dbToGain(silenceDb));
  const auto onsetThreshold = static_cast<float>(peak * dbToGain(-40.0));
  const auto onset = static_cast<std::size_t>(std::find_if(s.begin(), s.end(), [&](float v) { return std::abs(v) > onsetThreshold; }) - s.begin());
  const std::size_t start = onset - std::min<std::size_t>(onset, static_cast<std::size_t>(mono.sampleRate / 1000));
  std::size_t end = s.size();
  while (end > start + 1 && std::abs(s[end - 1]) < threshold) --end;
  AudioBuffer trimmed(mono.sampleRate, 1);
  trimmed.samples.assign(s.begin() + static_cast<long>(start), s.begin() + static_cast<long>(end));
  // A 20 ms fade-out (or the last tenth of a very short sample).
  const std::size_t fade = std::min<std::size_t>(trimmed.samples.size() / 10 + 1, static_cast<std::size_t>(mono.sampleRate / 50));
  for (std::size_t i = 0; i < fade; ++i)
    trimmed.samples[trimmed.samples.size() - 1 - i] *= static_cast<float>(i) / static_cast<float>(fade);
  return trimmed;
}

namespace {

// A note is heard by its attack: loudness over the first 400 ms (one BS.1770
// block) matches notes whose tails decay at different speeds.
void matchLoudness(AudioBuffer& sample, double targetLufs, double peakCeilingDbfs) {
  AudioBuffer attack(sample.sampleRate, sample.channels);
  const std::size_t frames = std::min(sample.frames(), static_cast<std::size_t>(0.4 * sample.sampleRate));
  attack.samples.assign(sample.samples.begin(), sample.samples.begin() + static_cast<long>(frames * sample.channels));
  const double loudness = integratedLoudness(attack);
  if (loudness <= kSilenceDb) return;
  const double gainDb = std::min(targetLufs - loudness, peakCeilingDbfs - peakDbfs(sample));
  applyGain(sample, gainDb);
}

}  // namespace

AudioBuffer renderInstrumentSample(FluidsynthRenderer& renderer, const InstrumentSampleSpec& spec, int note,
                                   const SampleSettings& settings) {
  AudioBuffer sample = trimSample(
      renderer.renderNote(spec.program, false, note, settings.velocity, spec.holdSeconds, spec.maxSeconds),
      settings.silenceDb);
  matchLoudness(sample, settings.instrumentLufs, settings.peakCeilingDbfs);
  return sample;
}

AudioBuffer renderDrumSample(FluidsynthRenderer& renderer, const DrumSampleSpec& spec, const SampleSettings& settings) {
  AudioBuffer sample =
      trimSample(renderer.renderNote(spec.kit, true, spec.note, 110, 0.1, spec.maxSeconds), settings.silenceDb);
  matchLoudness(sample, settings.drumLufs, settings.peakCeilingDbfs);
  return sample;
}

}  // namespace lofi
