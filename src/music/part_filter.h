// Training on some parts of a piece: the melody of a lead sheet without its
// comping and bass, for example. Parts are MIDI tracks, named by their track
// name (case does not matter).
#pragma once

#include <string>
#include <vector>

#include "music/midi_file.h"

namespace lofi {

// "melody, Lead" -> {"melody", "lead"}: trimmed, lower case, empty items dropped.
std::vector<std::string> parsePartNames(const std::string& list);

// The file with only the tracks named in `parts` among those holding notes;
// tracks without notes (tempo, meter, key and chord labels) stay. An empty
// `parts` keeps everything. Throws std::invalid_argument naming the parts the
// file has when none of `parts` is among them.
midi::File keepParts(const midi::File& file, const std::vector<std::string>& parts);

}  // namespace lofi
