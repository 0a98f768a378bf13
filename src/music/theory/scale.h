// Keys and scales: the pitch classes of each degree, spelled note names,
// membership, and reading names like "F# harmonic minor".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "music/theory/pitch.h"

namespace lofi::theory {

enum class Mode {
  Major,
  NaturalMinor,
  HarmonicMinor,
  MelodicMinor,  // the ascending (jazz) melodic minor
  Dorian,
  Phrygian,
  Lydian,
  Mixolydian,
  Locrian,
  MajorPentatonic,
  MinorPentatonic,
};

struct Scale {
  NoteName tonic;
  Mode mode = Mode::Major;
  bool operator==(const Scale&) const = default;
};

// Semitones of each degree above the tonic, degree 1 first.
const std::vector<int>& modeIntervals(Mode mode);
// The mode's name as parseScale reads it: "major", "harmonic minor"...
std::string modeName(Mode mode);

// Pitch classes of the degrees, degree 1 first.
std::vector<int> pitchClasses(const Scale& scale);
// Spelled names of the degrees: one letter per degree for seven-note scales
// (E major holds G#, F major Bb); pentatonics take their parent's letters.
std::vector<NoteName> noteNames(const Scale& scale);
// Degree 1 is the tonic; degrees past the last wrap (8 is 1 in a seven-note scale).
int degreePitchClass(const Scale& scale, int degree);
// The degree (1-based) of a pitch class, or nothing if the scale lacks it.
std::optional<int> degreeOf(const Scale& scale, int pitchClass);
bool contains(const Scale& scale, int pitchClass);

// "C major", "A minor" (natural), "F# harmonic minor", "D dorian",
// "Eb major pentatonic", also "Am"/"C" shorthands; throws SymbolError.
Scale parseScale(std::string_view text);
std::string toString(const Scale& scale);

// The key a MIDI key signature names (sharps > 0, flats < 0).
Scale scaleFromKeySignature(int sharps, bool minor);

}  // namespace lofi::theory
