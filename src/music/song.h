// The three public-domain songs (data/songs/*.json, compiled into the
// program): the same data the web player plays with Tone.js.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "music/score.h"

namespace lofi {

struct SongNote {
  double startQuarters = 0;
  double durationQuarters = 0;
  int pitch = 60;
  double velocity = 0.7;  // 0-1, as Tone.js takes it
};

struct SongChord {
  double startQuarters = 0;
  double durationQuarters = 0;
  std::string symbol;
  std::vector<int> pitches;
  double velocity = 0.45;
};

struct SongTrack {
  std::string instrument;  // an instrument name of the assets manifest
  std::vector<SongNote> notes;
};

struct Song {
  std::string id;
  std::string title;
  std::string composer;
  std::string arrangement;
  double bpm = 72;
  int beatsPerBar = 4;
  std::string key;
  int bars = 0;
  SongTrack melody;
  SongTrack bass;
  std::string chordInstrument;
  std::vector<SongChord> chords;
};

// Reads a song's JSON; errors name `source` and the field that is wrong.
Song parseSong(std::string_view json, const std::string& source);

// The embedded songs, by id ("gymnopedie-1", "canon-in-d", "prelude-in-c").
std::vector<std::string> songIds();
Song loadSong(const std::string& id);  // throws std::invalid_argument listing the ids

// Melody, chords and bass as three parts; chord symbols become marker labels
// and the key a key signature, so the timed encoding reads them back.
Score songToScore(const Song& song);

}  // namespace lofi
