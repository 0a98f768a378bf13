// lofi song [ID] [--out FILE.mid]: the three public-domain songs as MIDI.
#include <cstdio>

#include "cli/commands.h"
#include "music/score_io.h"
#include "music/song.h"

namespace lofi::cli {
namespace {

struct SongArgs {
  std::string id;
  std::string output;
};

void run(const SongArgs& args) {
  if (args.id.empty()) {
    for (const std::string& id : songIds()) {
      const Song song = loadSong(id);
      std::printf("%-14s %s, %s: %d bars at %.0f BPM in %s\n", id.c_str(), song.title.c_str(), song.composer.c_str(),
                  song.bars, song.bpm, song.key.c_str());
    }
    return;
  }
  const Song song = loadSong(args.id);
  const std::string output = args.output.empty() ? args.id + ".mid" : args.output;
  const Score score = songToScore(song);
  writeScore(score, output);
  std::fprintf(stderr, "wrote %s: %s, %d notes\n", output.c_str(), song.title.c_str(), score.noteCount());
}

}  // namespace

void addSongCommand(CLI::App& app) {
  auto args = std::make_shared<SongArgs>();
  CLI::App* cmd = app.add_subcommand("song", "List the public-domain songs, or write one as MIDI");
  cmd->add_option("id", args->id, "Song to write (without it: list the songs)");
  cmd->add_option("--out,-o", args->output, "MIDI file to write (default: ID.mid)");
  cmd->callback([args] { run(*args); });
}

}  // namespace lofi::cli
