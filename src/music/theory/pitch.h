// Pitch classes, spelled note names and MIDI note names.
//
// A pitch class is 0-11 (C = 0). A NoteName is a spelled pitch class: the
// letter matters for chord symbols and scales (E major holds G#, not Ab).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace lofi::theory {

struct NoteName {
  char letter = 'C';   // 'A'..'G'
  int accidental = 0;  // semitones: -2 (double flat) .. +2 (double sharp)
  bool operator==(const NoteName&) const = default;
};

// How to spell a bare pitch class.
enum class Spelling {
  Sharps,     // C C# D D# E F F# G G# A A# B
  Flats,      // C Db D Eb E F Gb G Ab A Bb B
  LeadSheet,  // C Db D Eb E F F# G Ab A Bb B: the usual chord-chart roots
};

// Wraps any integer into 0-11.
int pitchClassOf(int semitones);
int pitchClass(NoteName name);
// Letters count from C: C = 0 .. B = 6.
int letterIndex(char letter);
char letterAt(int index);  // wraps: 7 is C again

// "C", "F#", "Eb", "Bbb", "F##".
std::string toString(NoteName name);

// Reads a note name at the start of `text` (letter A-G, then up to two of
// '#', 'b', '♯', '♭'); returns it and the number of bytes read.
std::optional<std::pair<NoteName, std::size_t>> readNoteName(std::string_view text);
// The whole of `text` must be a note name; throws SymbolError otherwise.
NoteName parseNoteName(std::string_view text);

NoteName spell(int pitchClass, Spelling spelling = Spelling::LeadSheet);
// The name `letterSteps` letters and `semitones` semitones above `from`:
// spells intervals (E plus a major third, 2 letters and 4 semitones, is G#).
NoteName transpose(NoteName from, int letterSteps, int semitones);

// MIDI note numbers: 60 is C4, 0 is C-1, 127 is G9.
std::string midiNoteName(int midiNote, Spelling spelling = Spelling::Sharps);
// "C4" -> 60, "Bb3" -> 58, "C-1" -> 0; throws SymbolError if unreadable or outside 0-127.
int parseMidiNote(std::string_view text);

}  // namespace lofi::theory
