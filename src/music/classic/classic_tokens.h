// The seed's ("classic") tokens, read and written in this one place: a note
// is its name with octave as music21 spells MIDI pitches ("C4", "E-3",
// "F#5"), a chord its pitch classes in normal order joined by dots ("9.0.4"),
// a rest "r".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lofi::classic {

inline constexpr const char* kRestToken = "r";

// What a classic token stands for.
struct ClassicToken {
  enum class Kind { Note, Chord, Rest } kind = Kind::Rest;
  std::vector<int> values;  // Note: one MIDI number; Chord: pitch classes in order
};

// nullopt if `token` is not a note, a chord or a rest.
std::optional<ClassicToken> parseToken(std::string_view token);
// The same, throwing std::invalid_argument naming the token.
ClassicToken readToken(std::string_view token);

// "C4" -> 60, "B-3" -> 58, "C-1" -> 0; other spellings read too ("D-4",
// "C##4"); nullopt if `name` is not a note name of a MIDI pitch 0-127.
// music21's names are ambiguous twice: "E-1" and "B-1" read as E flat and B
// flat in octave 1 (27, 34), never as E and B in octave -1 (4, 11).
std::optional<int> midiFromNoteName(std::string_view name);
// 60 -> "C4", with the spelling music21 gives MIDI pitches.
std::string noteNameFromMidi(int pitch);

// "9.0.4" -> {9, 0, 4}; nullopt if `token` is not a chord.
std::optional<std::vector<int>> chordPitchClasses(std::string_view token);
std::string chordToken(const std::vector<int>& pitchClasses);

// The pitch classes a token sounds: one for a note, several for a chord, none
// for a rest; nullopt for anything else.
std::optional<std::vector<int>> soundingPitchClasses(std::string_view token);

// A chord in normal order moved by `semitones`, still in normal order. Since
// normal order depends only on intervals, the moved order is normal again,
// except that a symmetric chord (augmented, diminished seventh...) may start
// on several classes: music21 then starts on the lowest.
std::vector<int> transposeNormalOrder(const std::vector<int>& pitchClasses, int semitones);

}  // namespace lofi::classic
