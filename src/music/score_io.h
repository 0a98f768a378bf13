// MIDI events <-> Score: pairing note-ons with note-offs, reading the tempo
// map, instruments and labels, and writing a Score back as a format-1 file.
#pragma once

#include <string>

#include "music/midi_file.h"
#include "music/score.h"

namespace lofi {

// Builds a Score from parsed MIDI events. Notes are paired first-in,
// first-out per channel and pitch, so overlapping notes of one pitch each keep
// their own length; a note left sounding at the end of its track ends there.
Score scoreFromMidi(const midi::File& file);

// A format-1 file: track 0 holds tempo, meters, keys and labels; then one track per part.
midi::File midiFromScore(const Score& score);

// Convenience: read/parse a file into a Score, and write a Score atomically.
Score readScore(const std::string& path);
void writeScore(const Score& score, const std::string& path);

}  // namespace lofi
