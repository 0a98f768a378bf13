#include "music/song.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/embedded_files.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/pitch.h"
#include "music/transport_time.h"

namespace lofi {
namespace {

using Json = nlohmann::json;

constexpr int kTicksPerQuarter = 480;
constexpr std::string_view kSongFolder = "songs/";

[[noreturn]] void fail(const std::string& source, const std::string& where, const std::string& why) {
  throw std::invalid_argument(source + ": " + where + ": " + why);
}

const Json& field(const Json& object, const char* name, const std::string& source, const std::string& where) {
  if (!object.is_object() || !object.contains(name)) fail(source, where, std::string("missing \"") + name + "\"");
  return object[name];
}

std::string stringField(const Json& object, const char* name, const std::string& source, const std::string& where) {
  const Json& value = field(object, name, source, where);
  if (!value.is_string()) fail(source, where + "." + name, "must be a string");
  return value.get<std::string>();
}

double numberField(const Json& object, const char* name, const std::string& source, const std::string& where,
                   double low, double high) {
  const Json& value = field(object, name, source, where);
  if (!value.is_number()) fail(source, where + "." + name, "must be a number");
  const double number = value.get<double>();
  if (!(number >= low && number <= high))
    fail(source, where + "." + name, "must be between " + std::to_string(low) + " and " + std::to_string(high));
  return number;
}

double timeField(const Json& object, const char* name, const std::string& source, const std::string& where,
                 int beatsPerBar) {
  try {
    return parseTransportTime(stringField(object, name, source, where), beatsPerBar);
  } catch (const std::invalid_argument& error) {
    fail(source, where + "." + name, error.what());
  }
}

int pitchOf(const std::string& name, const std::string& source, const std::string& where) {
  try {
    return theory::parseMidiNote(name);
  } catch (const std::invalid_argument& error) {
    fail(source, where, error.what());
  }
}

SongTrack readNotes(const Json& tracks, const char* name, const std::string& source, int beatsPerBar) {
  const std::string where = std::string("tracks.") + name;
  const Json& track = field(tracks, name, source, "tracks");
  SongTrack out;
  out.instrument = stringField(track, "instrument", source, where);
  const Json& notes = field(track, "notes", source, where);
  if (!notes.is_array()) fail(source, where + ".notes", "must be a list");
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const std::string at = where + ".notes[" + std::to_string(i) + "]";
    SongNote note;
    note.startQuarters = timeField(notes[i], "time", source, at, beatsPerBar);
    note.durationQuarters = timeField(notes[i], "duration", source, at, beatsPerBar);
    note.pitch = pitchOf(stringField(notes[i], "pitch", source, at), source, at + ".pitch");
    note.velocity = numberField(notes[i], "velocity", source, at, 0.0, 1.0);
    out.notes.push_back(note);
  }
  return out;
}

std::int64_t ticks(double quarters) { return std::llround(quarters * kTicksPerQuarter); }

int velocityOf(double level) { return std::clamp(static_cast<int>(std::lround(level * 127.0)), 1, 127); }

// General MIDI programs for the instrument names the songs use.
int programOf(const std::string& instrument) {
  static const std::map<std::string, int> programs = {
      {"piano", 0}, {"electric-piano", 4}, {"guitar", 26}, {"bass", 33}};
  auto it = programs.find(instrument);
  return it == programs.end() ? 0 : it->second;
}

Part partOf(const std::string& name, const SongTrack& track, int channel) {
  Part part;
  part.name = name;
  part.channel = channel;
  part.program = programOf(track.instrument);
  for (const SongNote& note : track.notes)
    part.notes.push_back({ticks(note.startQuarters), ticks(note.startQuarters + note.durationQuarters), note.pitch,
                          velocityOf(note.velocity), channel});
  return part;
}

// Key signature from "D major" / "E minor": sharps (positive) or flats.
std::optional<KeySignature> keySignatureOf(const std::string& key) {
  const auto space = key.find(' ');
  if (space == std::string::npos) return std::nullopt;
  const bool minor = key.substr(space + 1) == "minor";
  int tonic;
  try {
    tonic = theory::pitchClass(theory::parseNoteName(key.substr(0, space)));
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  const int major = minor ? (tonic + 3) % 12 : tonic;  // relative major
  // Position on the circle of fifths, between 6 flats and 5 sharps.
  int sharps = (major * 7) % 12;
  if (sharps > 6) sharps -= 12;
  return KeySignature{0, sharps, minor};
}

}  // namespace

Song parseSong(std::string_view text, const std::string& source) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw std::invalid_argument(source + ": invalid JSON at byte " + std::to_string(error.byte));
  }
  Song song;
  song.id = stringField(json, "id", source, "song");
  song.title = stringField(json, "title", source, "song");
  song.composer = stringField(json, "composer", source, "song");
  song.arrangement = stringField(json, "arrangement", source, "song");
  song.key = stringField(json, "key", source, "song");
  song.bpm = numberField(json, "bpm", source, "song", 30, 240);
  song.bars = static_cast<int>(numberField(json, "bars", source, "song", 1, 1000));
  const Json& meter = field(json, "timeSignature", source, "song");
  if (!meter.is_array() || meter.size() != 2 || !meter[0].is_number_integer() || meter[1] != 4)
    fail(source, "timeSignature", "must be [beats, 4]");
  song.beatsPerBar = std::clamp(meter[0].get<int>(), 1, 16);

  const Json& tracks = field(json, "tracks", source, "song");
  song.melody = readNotes(tracks, "melody", source, song.beatsPerBar);
  song.bass = readNotes(tracks, "bass", source, song.beatsPerBar);
  const Json& chords = field(tracks, "chords", source, "tracks");
  song.chordInstrument = stringField(chords, "instrument", source, "tracks.chords");
  const Json& list = field(chords, "chords", source, "tracks.chords");
  if (!list.is_array()) fail(source, "tracks.chords.chords", "must be a list");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "tracks.chords.chords[" + std::to_string(i) + "]";
    SongChord chord;
    chord.startQuarters = timeField(list[i], "time", source, at, song.beatsPerBar);
    chord.durationQuarters = timeField(list[i], "duration", source, at, song.beatsPerBar);
    chord.symbol = stringField(list[i], "symbol", source, at);
    try {
      theory::parseChordSymbol(chord.symbol);
    } catch (const std::invalid_argument& error) {
      fail(source, at + ".symbol", error.what());
    }
    chord.velocity = numberField(list[i], "velocity", source, at, 0.0, 1.0);
    const Json& pitches = field(list[i], "pitches", source, at);
    if (!pitches.is_array() || pitches.empty()) fail(source, at + ".pitches", "must be a non-empty list");
    for (const Json& pitch : pitches) {
      if (!pitch.is_string()) fail(source, at + ".pitches", "must hold note names");
      chord.pitches.push_back(pitchOf(pitch.get<std::string>(), source, at + ".pitches"));
    }
    song.chords.push_back(std::move(chord));
  }
  return song;
}

std::vector<std::string> songIds() {
  std::vector<std::string> ids;
  for (const std::string& name : embeddedFilesUnder(kSongFolder))
    ids.push_back(name.substr(kSongFolder.size(), name.size() - kSongFolder.size() - std::string_view(".json").size()));
  return ids;
}

Song loadSong(const std::string& id) {
  const std::vector<std::string> ids = songIds();
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
    std::string known;
    for (const std::string& each : ids) known += (known.empty() ? "" : ", ") + each;
    throw std::invalid_argument("unknown song '" + id + "' (known: " + known + ")");
  }
  const std::string name = std::string(kSongFolder) + id + ".json";
  return parseSong(embeddedFile(name), "data/" + name);
}

Score songToScore(const Song& song) {
  Score score;
  score.ticksPerQuarter = kTicksPerQuarter;
  score.tempos = {{0, static_cast<int>(std::lround(60'000'000.0 / song.bpm))}};
  score.timeSignatures = {{0, song.beatsPerBar, 4}};
  if (auto key = keySignatureOf(song.key)) score.keySignatures = {*key};
  score.parts.push_back(partOf("Melody", song.melody, 0));
  Part chords;
  chords.name = "Chords";
  chords.channel = 1;
  chords.program = programOf(song.chordInstrument);
  for (const SongChord& chord : song.chords) {
    const std::int64_t start = ticks(chord.startQuarters);
    const std::int64_t end = ticks(chord.startQuarters + chord.durationQuarters);
    for (int pitch : chord.pitches) chords.notes.push_back({start, end, pitch, velocityOf(chord.velocity), 1});
    score.labels.push_back({start, 0x06, chord.symbol});
  }
  score.parts.push_back(std::move(chords));
  score.parts.push_back(partOf("Bass", song.bass, 2));
  return score;
}

}  // namespace lofi
