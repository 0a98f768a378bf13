// A generated track as the API sends it: the notes (onset and duration in
// beats and Transport time, pitch, velocity), the chords laid out bar by bar
// with their voicings, the key, tempo and seed; and as an arrangement (the
// solo plus a chord part) for the MIDI download and the rendered audio.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/chord_constraint.h"
#include "model/composer.h"
#include "music/score.h"
#include "server/generate_request.h"

namespace lofi::server {

struct VoicedChord {
  ChordSpan span;
  std::vector<int> pitches;  // MIDI numbers, ascending, bass first
};

struct GeneratedTrack {
  GenerateSettings settings;
  Track track;
  std::vector<VoicedChord> chords;  // empty without chords
  std::string steering = "none";    // what the notes were kept to: "chords", "key" or "none"
};

// The chords of `timeline` voice-led in the settings' register (symbols that
// do not read as chords are left out).
std::vector<VoicedChord> voicedChords(const std::vector<ChordSpan>& timeline, const GenerateSettings& settings);

// {"notes", "chords", "key", "bpm", "seed", "bars", "instrument", "program", "encoding", "steering", "mood"?}
nlohmann::json toJson(const GeneratedTrack& track, const std::string& encoding);

// The solo and, when there are chords, a chord part (electric piano, softer).
Score arrangement(const GeneratedTrack& track);

}  // namespace lofi::server
