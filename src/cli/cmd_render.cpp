// lofi render IN.mid --out OUT.wav|OUT.ogg [--instrument NAME|PROGRAM] [--lofi on|off] [--soundfont FILE]
#include <cstdio>

#include "audio/audio_file.h"
#include "music/instrument.h"
#include "audio/levels.h"
#include "audio/render_pipeline.h"
#include "audio/soundfont.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "music/score_io.h"

namespace lofi::cli {
namespace {

// Pieces shorter than this finish before a bar would be worth drawing.
constexpr double kProgressBarSeconds = 20.0;

struct RenderArgs {
  std::string input;
  std::string output;
  std::string instrument;
  std::string lofi = "on";
  std::string soundfont;
  double quality = 0.5;
};

void run(const RenderArgs& args) {
  audioFormatForPath(args.output);  // a bad extension fails before any work is done
  const Score score = readScore(args.input);
  if (score.noteCount() == 0) throw std::runtime_error(args.input + ": no notes to render");
  RenderPipelineOptions options;
  if (!args.instrument.empty()) options.synth.program = parseInstrument(args.instrument);
  options.lofi = args.lofi == "on";
  FluidsynthRenderer renderer(findSoundfont(args.soundfont));
  const double scoreSeconds = TempoMap(score).seconds(score.endTick());
  ProgressBar bar("rendering", scoreSeconds > kProgressBarSeconds);
  options.progress = [&](double fraction) { bar.update(fraction); };
  const AudioBuffer audio = renderScore(renderer, score, options);
  bar.finish();
  writeAudioFile(args.output, audio, {args.quality});
  std::fprintf(stderr, "rendered %d notes, %.1f s, %.1f LUFS, peak %.1f dBFS (%s, lo-fi %s): %s\n", score.noteCount(),
               audio.seconds(), integratedLoudness(audio), peakDbfs(audio), renderer.soundfontPath().c_str(),
               args.lofi.c_str(), args.output.c_str());
}

}  // namespace

void addRenderCommand(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand("render", "Render a MIDI file to lo-fi audio (WAV, Ogg Vorbis or MP3)");
  cmd->add_option("input", args->input, "MIDI file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", args->output, "Audio file to write: .wav, .ogg or .mp3")->required();
  cmd->add_option("--instrument,-i", args->instrument,
                  "Play every pitched part with this General MIDI instrument: a program 0-127 or words of its name");
  cmd->add_option("--lofi", args->lofi, "The lo-fi chain")->check(CLI::IsMember({"on", "off"}))->capture_default_str();
  cmd->add_option("--soundfont", args->soundfont, "SoundFont file (default: Debian's FluidR3_GM)");
  cmd->add_option("--quality", args->quality, "Ogg/MP3 quality 0..1")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
