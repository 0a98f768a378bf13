// Pitch names as music21 spells a MIDI number: sharps for C#, F#, G#, flats
// for E- and B- (music21 writes a flat as '-'), octave 4 starting at middle C.
#pragma once

#include <string>

namespace lofi {

// "C4" for 60, "B-3" for 58, "C#-1" for 1. Any integer is accepted.
std::string pitchName(int midiNumber);

// The pitch class 0-11 of a MIDI number (C = 0), also for negative numbers.
int pitchClass(int midiNumber);

}  // namespace lofi
