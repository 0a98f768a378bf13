// Instruments as music21 8 names them when it reads MIDI: from a track or
// instrument name (instrument.fromString) and from a program change
// (instrument.instrumentFromMidiProgram). The seed keeps the first
// *instrument name* it meets and drops everything else, so these names
// decide which notes become tokens.
#pragma once

#include <optional>
#include <string>

namespace lofi::m21 {

struct InstrumentInfo {
  std::string className = "Instrument";       // the music21 class; "Instrument" is the generic one
  std::optional<std::string> instrumentName;  // None for the generic class
  std::optional<std::string> partName;
};

// instrument.fromString: the most specific instrument named by any run of
// words in `name`, carrying `name` itself as its instrumentName; nullopt when
// no word names an instrument. Covers music21's English names, standard names
// and abbreviations (not its French, German, Italian, Russian and Spanish ones).
std::optional<InstrumentInfo> instrumentFromName(const std::string& name);

// instrument.instrumentFromMidiProgram (0-127); channel 10 gives percussion.
// Programs music21 has no class for give the generic instrument.
InstrumentInfo instrumentFromProgram(int program, bool drumChannel);

// music21's test for "lousy" names it ignores: instrument, inst, instrument 3...
bool isPlaceholderInstrumentName(const std::string& name);

// True if `child` is `parent` or derives from it in music21's class tree.
bool isInstrumentSubclass(const std::string& child, const std::string& parent);

}  // namespace lofi::m21
