// Chord symbols as people type them (Cmaj7, Dm9, G13, F#m7b5, Bb7#9, Ebdim7,
// Asus4, C6/9, C/E, Abmaj9#11...) <-> plain data, and the tones they hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "music/theory/pitch.h"

namespace lofi::theory {

// The triad under the chord: its third and fifth.
enum class Triad { Major, Minor, Diminished, Augmented, Sus2, Sus4, Power };
// The seventh above the triad, if any: b7, 7 or bb7 (dim7 only).
enum class Seventh { None, Minor, Major, Diminished };
// Altered tones, in the order a canonical symbol prints them.
enum class Alteration { Flat5, Sharp5, Flat9, Sharp9, Sharp11, Flat13 };

// Root + quality (triad and seventh) + extensions + alterations + bass.
//
// Kept normalised so that equal chords compare equal: a minor triad with a
// b5 is Diminished, a major triad with a #5 Augmented; an altered degree
// removes the natural one (b9 removes 9); a 13 without a seventh is a 6.
struct ChordSymbol {
  NoteName root;
  Triad triad = Triad::Major;
  Seventh seventh = Seventh::None;
  std::vector<int> extensions;           // natural 6, 9, 11, 13; sorted, unique
  std::vector<Alteration> alterations;   // sorted, unique
  std::optional<NoteName> bass;          // a slash bass other than the root
  bool operator==(const ChordSymbol&) const = default;
};

// One tone of a chord: its degree (1, 2, 3, 4, 5, 6, 7, 9, 11, 13) and its
// distance in semitones above the root (compound for 9, 11, 13: 14, 17, 21).
struct ChordTone {
  int degree = 1;
  int semitones = 0;
  bool operator==(const ChordTone&) const = default;
};

// Throws SymbolError naming the symbol and what could not be read.
//
// Accepted: roots A-G with #, b, ♯, ♭; m min mi - (minor); maj Maj ma M Δ ^
// (major seventh; Δ alone is maj7); dim ° o; ø (m7b5); aug +; sus sus2 sus4;
// 5 (power chord); 6, 6/9, 69, 7, 9, 11, 13; add2 add4 add6 add9 add11 add13;
// alterations b5 #5 b9 #9 #11 b13 (also -5 +5 -9 +9 +11 -13); parenthesised
// groups like (b9,#11) or (maj7); a slash bass /E.
ChordSymbol parseChordSymbol(std::string_view symbol);

// The canonical symbol: root, then m / dim / aug / 5, then the body
// (6, 6/9, 7, maj7, 9, mMaj7, dim7...), sus2/sus4, addN, alterations in
// order, /bass. parseChordSymbol(toString(c)) == c for every chord c.
std::string toString(const ChordSymbol& chord);

// "N.C.", "NC" or "N.C": the marking for no chord.
bool isNoChord(std::string_view symbol);

// The chord's tones, sorted by semitones above the root (the bass not included).
std::vector<ChordTone> chordTones(const ChordSymbol& chord);
// Pitch classes of the tones and the bass, sorted, unique.
std::vector<int> pitchClasses(const ChordSymbol& chord);
int rootPitchClass(const ChordSymbol& chord);
// The slash bass, or the root.
int bassPitchClass(const ChordSymbol& chord);

// The same chord with its root and bass spelled by `spelling` (C#m7 -> Dbm7
// for LeadSheet): one name per chord, whatever the spelling typed.
ChordSymbol respelled(const ChordSymbol& chord, Spelling spelling = Spelling::LeadSheet);

// The chord moved by `semitones`, spelled by `spelling`.
ChordSymbol transposed(const ChordSymbol& chord, int semitones, Spelling spelling = Spelling::LeadSheet);

}  // namespace lofi::theory
