// lofi stats FILE|DIR [--json]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "music/midi_folder.h"
#include "music/score_io.h"
#include "music/stats/chord_spans.h"
#include "music/stats/music_stats.h"

namespace lofi::cli {
namespace {

struct StatsArgs {
  std::string input;
  bool json = false;
};

struct FileStats {
  std::string file;
  MusicStats stats;
};

void printRow(const std::string& name, const MusicStats& s) {
  char chordTones[16] = "-";
  if (s.chordToneRatio) std::snprintf(chordTones, sizeof chordTones, "%.3f", *s.chordToneRatio);
  std::printf("%-36.36s %6d %6.1f %5.1f %7.3f %6.3f %6.2f %6.3f %6.3f %5d %7s %6.2f\n", name.c_str(), s.noteCount,
              s.pitchRange, s.pitchClassesUsed, s.pitchClassEntropy, s.scaleConsistency, s.polyphony, s.emptyBeatRate,
              s.grooveConsistency, s.emptyBarsInside, chordTones, s.averageMelodicInterval);
}

void run(const StatsArgs& args) {
  namespace fs = std::filesystem;
  const bool isFolder = fs::is_directory(args.input);
  std::vector<FileStats> files;
  std::size_t skipped = 0;
  for (const std::string& path : listMidiFiles(args.input)) {
    const std::string name =
        isFolder ? fs::relative(path, args.input).generic_string() : fs::path(path).filename().string();
    try {
      const Score score = readScore(path);
      files.push_back({name, computeStats(score, chordSpansFromLabels(score, readChordSymbolLabel))});
    } catch (const std::exception& error) {
      ++skipped;
      std::fprintf(stderr, "lofi: warning: skipped %s: %s\n", name.c_str(), error.what());
    }
  }
  if (files.empty()) throw std::runtime_error(args.input + ": no MIDI file could be read");
  std::vector<MusicStats> all;
  for (const FileStats& file : files) all.push_back(file.stats);
  const MusicStats set = averageStats(all);

  if (args.json) {
    nlohmann::ordered_json out;
    out["files"] = nlohmann::ordered_json::array();
    for (const FileStats& file : files) {
      nlohmann::ordered_json entry = {{"file", file.file}};
      entry.update(toJson(file.stats));
      out["files"].push_back(entry);
    }
    out["set"] = toJson(set);
    out["set"]["files"] = files.size();
    std::cout << out.dump(1) << '\n';
  } else {
    std::printf("%-36s %6s %6s %5s %7s %6s %6s %6s %6s %5s %7s %6s\n", "file", "notes", "range", "pcs", "pc-ent",
                "scale", "poly", "empty", "groove", "gaps", "chord", "step");
    for (const FileStats& file : files) printRow(file.file, file.stats);
    if (files.size() > 1) printRow("(set: mean; notes and gaps: total)", set);
  }
  std::fprintf(stderr, "measured %zu files, %zu skipped\n", files.size(), skipped);
}

}  // namespace

void addStatsCommand(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Measure how much MIDI files look like music (MusPy figures and more)");
  cmd->add_option("input", args->input, "A MIDI file, or a folder searched recursively")->required();
  cmd->add_flag("--json", args->json, "Print {\"files\": [{\"file\", ...figures}], \"set\": {...figures}}");
  cmd->footer(
      "Figures: pitch range (semitones), pitch classes used, pitch-class entropy (bits), scale consistency, "
      "polyphony, empty-beat rate, groove consistency (MusPy's definitions), empty bars inside the piece, chord-tone "
      "ratio of melody notes on strong beats (where the file labels its chords), average melodic interval.");
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
