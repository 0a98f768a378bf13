// Everything the web page plays, built into one folder with a manifest:
// grooves, ambience loops, spoken quotes, instrument samples and the drum
// kit. A hash of every input is kept in the manifest; when nothing changed,
// building again does nothing.
#pragma once

#include <functional>
#include <string>

namespace lofi {

struct AssetOptions {
  std::string outDir;
  std::string dataDir;        // holds grooves.json and quotes.json
  std::string soundfont;      // empty: Debian's General MIDI soundfont
  std::string generatorId;    // identifies the program that builds (its own hash): new code, new assets
  double ambienceSeconds = 32.0;
  int ambienceRate = 32000;   // noise compresses badly: a lower rate keeps the loops small
  double ambienceQuality = 0.0;
  double sampleQuality = 0.3;
  bool mp3Samples = true;     // MP3 copies of the samples, for Safari before 17
  bool force = false;         // build even when up to date
  std::function<void(const std::string&)> log;  // one line per step
};

struct AssetReport {
  bool upToDate = false;      // nothing was built
  std::string manifestPath;
  int files = 0;
  std::size_t totalBytes = 0;
  std::size_t sampleBytes = 0;  // instruments and drum kit, every format
};

inline constexpr std::size_t kSampleBudgetBytes = 3'000'000;
inline constexpr int kManifestVersion = 1;

AssetReport buildAssets(const AssetOptions& options);

}  // namespace lofi
