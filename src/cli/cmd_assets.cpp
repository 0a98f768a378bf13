// lofi assets --out DIR [--data DIR] [--soundfont FILE] [--force] [--no-mp3]
#include <cstdio>

#include "audio/assets/asset_builder.h"
#include "cli/commands.h"

namespace lofi::cli {
namespace {

void run(AssetOptions options) {
  // A hash of the audio code (see src/cli/CMakeLists.txt) stands for the code
  // that makes the assets: changing it builds them again, other changes do not.
  options.generatorId = LOFI_ASSET_RECIPE;
  options.log = [](const std::string& line) { std::fprintf(stderr, "assets: %s\n", line.c_str()); };
  const AssetReport report = buildAssets(options);
  if (report.upToDate) {
    std::fprintf(stderr, "assets: up to date: %s\n", report.manifestPath.c_str());
    return;
  }
  std::fprintf(stderr, "assets: wrote %d files, %.2f MB (samples %.2f MB of the %.1f MB budget): %s\n", report.files,
               report.totalBytes / 1e6, report.sampleBytes / 1e6, kSampleBudgetBytes / 1e6, report.manifestPath.c_str());
}

}  // namespace

void addAssetsCommand(CLI::App& app) {
  auto options = std::make_shared<AssetOptions>();
  options->dataDir = LOFI_DATA_DIR;
  CLI::App* cmd = app.add_subcommand("assets", "Build the web player's sounds and manifest.json (does nothing if up to date)");
  cmd->add_option("--out,-o", options->outDir, "Folder to write")->required();
  cmd->add_option("--data", options->dataDir, "Folder holding grooves.json and quotes.json")->capture_default_str();
  cmd->add_option("--soundfont", options->soundfont, "SoundFont file (default: Debian's FluidR3_GM)");
  cmd->add_option("--ambience-seconds", options->ambienceSeconds, "Length of each ambience loop")
      ->check(CLI::Range(30.0, 120.0))
      ->capture_default_str();
  cmd->add_flag("--force", options->force, "Build even when nothing changed");
  auto noMp3 = std::make_shared<bool>(false);
  cmd->add_flag("--no-mp3", *noMp3, "Only Ogg Vorbis samples (no MP3 copies for older Safari)");
  cmd->callback([options, noMp3] {
    AssetOptions chosen = *options;
    chosen.mp3Samples = !*noMp3;
    run(chosen);
  });
}

}  // namespace lofi::cli
