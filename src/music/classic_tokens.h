// Reading and writing the seed's ("classic") tokens: a note is its name with
// octave as music21 spells MIDI pitches ("C4", "E-3", "F#5"), a chord its
// pitch classes in normal order joined by dots ("9.0.4"), a rest "r".
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lofi::classic {

// "C4" -> 60, "B-3" -> 58, "C-1" -> 0; nullopt if `name` is not a note name.
// music21's names are ambiguous twice: "E-1" and "B-1" read as E flat and B
// flat in octave 1 (27, 34), never as E and B in octave -1 (4, 11).
std::optional<int> midiFromNoteName(const std::string& name);
// 60 -> "C4", with the spelling music21 gives MIDI pitches.
std::string noteNameFromMidi(int pitch);

// "9.0.4" -> {9, 0, 4}; nullopt if `token` is not a chord.
std::optional<std::vector<int>> chordPitchClasses(const std::string& token);
std::string chordToken(const std::vector<int>& pitchClasses);

// The pitch classes a token sounds: one for a note, several for a chord, none
// for a rest; nullopt for anything else.
std::optional<std::vector<int>> soundingPitchClasses(const std::string& token);

}  // namespace lofi::classic
