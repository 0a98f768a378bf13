// The AI soloist: a model and its encoding writing the track a request asks
// for. It turns settings into the track writer's options with the one
// steering fallback (chords when the model can keep to them, else the key,
// else free; the answer says which), and the written track into a Solo: the
// notes, the chords voiced for the page, the key. `lofi generate` and
// `lofi serve` both write solos through here, and print them with the one
// JSON writer below.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/generation_request.h"
#include "model/model.h"
#include "model/track_writer.h"
#include "music/encoding.h"
#include "music/score.h"

namespace lofi {

struct VoicedChord {
  ChordSpan span;
  std::vector<int> pitches;  // MIDI numbers, ascending, bass first
};

struct Solo {
  GenerationSettings settings;
  WrittenTrack track;
  std::vector<VoicedChord> chords;  // empty without chords
  std::string steering = "none";    // what the notes were kept to: "chords", "key" or "none"
  std::string key;                  // the key asked for, else the one the music is in ("" for silence)
  std::string encoding;
};

class Soloist {
 public:
  // The model and the encoding must outlive the soloist.
  Soloist(const Model& model, const Encoding& encoding) : model_(model), encoding_(encoding) {}

  // The track writer's options for these settings; `steering` says what the
  // music will be kept to.
  TrackOptions trackOptions(const GenerationSettings& settings, std::string& steering) const;
  // The written track as a solo, its chords voiced for the page.
  Solo solo(const GenerationSettings& settings, WrittenTrack track, const std::string& steering) const;
  // Both, for one track (batches go through writeTracks between them).
  Solo write(const GenerationSettings& settings) const;

 private:
  const Model& model_;
  const Encoding& encoding_;
};

// The chords of `timeline` voice-led in the settings' register (symbols that
// do not read as chords are left out).
std::vector<VoicedChord> voicedChords(const std::vector<ChordSpan>& timeline, const GenerationSettings& settings);

// {"notes", "chords", "key", "bpm", "seed", "bars", "instrument", "program",
// "encoding", "steering", "mood"?}: the answer of POST /api/generate and
// of `lofi generate --json`.
nlohmann::json toJson(const Solo& solo);

// The solo and, when there are chords, a chord part (electric piano, softer).
Score arrangement(const Solo& solo);

}  // namespace lofi
