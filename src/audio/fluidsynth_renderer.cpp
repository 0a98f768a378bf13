#include "audio/fluidsynth_renderer.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace lofi {
namespace {

constexpr int kDrumBank = 128;
constexpr int kBlockFrames = 4096;
constexpr float kSilentPeak = 1e-4f;  // -80 dBFS: a release below this is over
constexpr double kMinNoteSeconds = 0.03;  // zero-length notes still sound

// FluidSynth logs through global callbacks; keep its last error for our
// messages and print nothing ourselves.
std::mutex logMutex;
std::string lastFluidError;

void captureLog(int level, const char* message, void*) {
  if (level <= FLUID_ERR) {
    std::lock_guard lock(logMutex);
    lastFluidError = message;
  }
}

void routeFluidLogs() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int level : {FLUID_PANIC, FLUID_ERR}) fluid_set_log_function(level, captureLog, nullptr);
    for (int level : {FLUID_WARN, FLUID_INFO, FLUID_DBG}) fluid_set_log_function(level, nullptr, nullptr);
  });
}

std::string takeFluidError() {
  std::lock_guard lock(logMutex);
  std::string message = lastFluidError.empty() ? "unknown error" : lastFluidError;
  lastFluidError.clear();
  return message;
}

struct SynthEvent {
  std::int64_t frame;
  bool on;
  int channel;
  int key;
  int velocity;
};

}  // namespace

struct FluidsynthRenderer::Synth {
  fluid_settings_t* settings = nullptr;
  fluid_synth_t* synth = nullptr;
  int soundfontId = -1;
  int channelCount = 0;
  ~Synth() {
    if (synth) delete_fluid_synth(synth);
    if (settings) delete_fluid_settings(settings);
  }
};

namespace {

// Enough channels for one per part; FluidSynth counts them in sixteens.
constexpr int kSynthChannels = 64;

// Each part gets its own synth channel, so that two tracks sharing a MIDI
// channel with different instruments keep their own sounds.
std::vector<int> assignChannels(const Score& score) {
  std::vector<int> channels;
  for (std::size_t i = 0; i < score.parts.size(); ++i) channels.push_back(static_cast<int>(i % kSynthChannels));
  return channels;
}

void setInstrument(fluid_synth_t* synth, int soundfontId, int channel, bool drum, int program) {
  fluid_synth_set_channel_type(synth, channel, drum ? CHANNEL_TYPE_DRUM : CHANNEL_TYPE_MELODIC);
  const int bank = drum ? kDrumBank : 0;
  if (fluid_synth_program_select(synth, channel, soundfontId, bank, program) != FLUID_OK)
    fluid_synth_program_select(synth, channel, soundfontId, bank, 0);  // a kit or program the font lacks
}

std::vector<SynthEvent> eventsOf(const Score& score, const std::vector<int>& channels, int sampleRate) {
  const TempoMap tempo(score);
  std::vector<SynthEvent> events;
  for (std::size_t i = 0; i < score.parts.size(); ++i) {
    for (const Note& note : score.parts[i].notes) {
      const double start = tempo.seconds(note.startTick);
      const double end = std::max(tempo.seconds(note.endTick), start + kMinNoteSeconds);
      const int key = std::clamp(note.pitch, 0, 127);
      events.push_back({std::llround(start * sampleRate), true, channels[i], key, std::clamp(note.velocity, 1, 127)});
      events.push_back({std::llround(end * sampleRate), false, channels[i], key, 0});
    }
  }
  // Note-offs first at equal times, so that a repeated note is struck again.
  std::stable_sort(events.begin(), events.end(), [](const SynthEvent& a, const SynthEvent& b) {
    return a.frame != b.frame ? a.frame < b.frame : (!a.on && b.on);
  });
  return events;
}

void renderFrames(fluid_synth_t* synth, AudioBuffer& out, std::int64_t frames) {
  const std::size_t start = out.frames();
  out.samples.resize((start + static_cast<std::size_t>(frames)) * 2);
  float* base = out.samples.data() + start * 2;
  for (std::int64_t done = 0; done < frames;) {
    const int block = static_cast<int>(std::min<std::int64_t>(kBlockFrames, frames - done));
    fluid_synth_write_float(synth, block, base + done * 2, 0, 2, base + done * 2, 1, 2);
    done += block;
  }
}

// Renders the release until it falls silent or the time is up.
void renderTail(fluid_synth_t* synth, AudioBuffer& out, double maxSeconds) {
  const auto maxFrames = static_cast<std::int64_t>(maxSeconds * out.sampleRate);
  for (std::int64_t done = 0; done < maxFrames; done += kBlockFrames) {
    const std::size_t start = out.samples.size();
    renderFrames(synth, out, std::min<std::int64_t>(kBlockFrames, maxFrames - done));
    float peak = 0.0f;
    for (std::size_t i = start; i < out.samples.size(); ++i) peak = std::max(peak, std::abs(out.samples[i]));
    if (peak < kSilentPeak) break;
  }
}

}  // namespace

FluidsynthRenderer::FluidsynthRenderer(const std::string& soundfontPath, int sampleRate)
    : synth_(std::make_unique<Synth>()), soundfontPath_(soundfontPath), sampleRate_(sampleRate) {
  routeFluidLogs();
  synth_->settings = new_fluid_settings();
  if (!synth_->settings) throw std::runtime_error("FluidSynth: cannot create settings");
  fluid_settings_setnum(synth_->settings, "synth.sample-rate", sampleRate);
  fluid_settings_setint(synth_->settings, "synth.midi-channels", kSynthChannels);
  fluid_settings_setint(synth_->settings, "synth.polyphony", 256);
  fluid_settings_setnum(synth_->settings, "synth.gain", 0.5);
  // Only the presets a render uses are read from the (large) soundfont.
  fluid_settings_setint(synth_->settings, "synth.dynamic-sample-loading", 1);
  synth_->synth = new_fluid_synth(synth_->settings);
  if (!synth_->synth) throw std::runtime_error("FluidSynth: cannot create a synthesizer: " + takeFluidError());
  synth_->soundfontId = fluid_synth_sfload(synth_->synth, soundfontPath.c_str(), 0);
  if (synth_->soundfontId == FLUID_FAILED)
    throw std::runtime_error("cannot load soundfont " + soundfontPath + ": " + takeFluidError());
}

FluidsynthRenderer::~FluidsynthRenderer() = default;

AudioBuffer FluidsynthRenderer::render(const Score& score, const RenderOptions& options) {
  fluid_synth_t* synth = synth_->synth;
  fluid_synth_system_reset(synth);
  fluid_synth_reverb_on(synth, -1, options.synthEffects);
  fluid_synth_chorus_on(synth, -1, options.synthEffects);
  const std::vector<int> channels = assignChannels(score);
  for (std::size_t i = 0; i < score.parts.size(); ++i) {
    const Part& part = score.parts[i];
    const int program = part.isDrum ? part.program : options.program.value_or(part.program);
    setInstrument(synth, synth_->soundfontId, channels[i], part.isDrum, std::clamp(program, 0, 127));
  }
  const std::vector<SynthEvent> events = eventsOf(score, channels, sampleRate_);
  AudioBuffer out(sampleRate_, 2);
  const std::int64_t totalFrames = events.empty() ? 1 : std::max<std::int64_t>(1, events.back().frame);
  out.samples.reserve(static_cast<std::size_t>(totalFrames + options.maxTailSeconds * sampleRate_) * 2);
  std::int64_t position = 0, lastReport = 0;
  for (const SynthEvent& event : events) {
    if (event.frame > position) {
      renderFrames(synth, out, event.frame - position);
      position = event.frame;
    }
    if (event.on) fluid_synth_noteon(synth, event.channel, event.key, event.velocity);
    else fluid_synth_noteoff(synth, event.channel, event.key);
    if (options.progress && position - lastReport > sampleRate_) {
      options.progress(static_cast<double>(position) / totalFrames);
      lastReport = position;
    }
  }
  renderTail(synth, out, options.maxTailSeconds);
  if (options.progress) options.progress(1.0);
  return out;
}

AudioBuffer FluidsynthRenderer::renderNote(int program, bool drum, int pitch, int velocity, double holdSeconds,
                                           double maxSeconds) {
  fluid_synth_t* synth = synth_->synth;
  fluid_synth_system_reset(synth);
  fluid_synth_reverb_on(synth, -1, 0);
  fluid_synth_chorus_on(synth, -1, 0);
  setInstrument(synth, synth_->soundfontId, 0, drum, std::clamp(program, 0, 127));
  AudioBuffer out(sampleRate_, 2);
  fluid_synth_noteon(synth, 0, std::clamp(pitch, 0, 127), std::clamp(velocity, 1, 127));
  const auto holdFrames = static_cast<std::int64_t>(std::min(holdSeconds, maxSeconds) * sampleRate_);
  renderFrames(synth, out, holdFrames);
  fluid_synth_noteoff(synth, 0, pitch);
  renderTail(synth, out, std::max(0.0, maxSeconds - out.seconds()));
  return out;
}

}  // namespace lofi
