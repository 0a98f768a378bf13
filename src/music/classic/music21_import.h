// music21 8's MIDI import (converter.parse of a .mid file), modelled closely
// enough to reproduce the seed's tokens: note-on/off pairing, chords from
// notes that start and end together, instruments from track names and
// program changes, quantisation to quarters and thirds of a beat, a conductor
// track for meters and tempos, then measures, voices, ties and rests.
#pragma once

#include <vector>

#include "music/midi_file.h"
#include "music/classic/music21_instruments.h"
#include "music/classic/music21_stream.h"

namespace lofi::m21 {

// One stream.Part: a MIDI track that plays notes.
struct ImportedPart {
  std::vector<InstrumentInfo> instruments;  // referenced by Instrument elements
  PartStream stream;  // its measures
  std::vector<Element> looseElements;  // a part whose notes never ended has no measures
};

struct ImportedScore {
  std::vector<ImportedPart> parts;  // in track order
  StreamCounters counters;
};

// Throws std::runtime_error where music21 itself would fail on the file.
ImportedScore importMidi(const midi::File& file);

}  // namespace lofi::m21
