// libFuzzer target for the MIDI reader. Any bytes must either parse or give a
// MidiError naming the file and a byte inside it. Whatever parses must survive
// the whole trip parse -> scoreFromMidi -> midiFromScore -> serialize -> parse
// and come back as the same music: a broken invariant aborts, which libFuzzer
// reports as a crash and saves the input.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "music/midi_file.h"
#include "music/score.h"
#include "music/score_io.h"

namespace {

using namespace lofi;

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "midi_reader_fuzzer: broken invariant: %s\n", what);
  std::abort();
}

// Note-ons keep their start, pitch and velocity through the trip; which
// note-off closes which of two overlapping notes of one pitch may change, so
// the starts and the ends are compared as separate multisets.
std::vector<std::tuple<std::int64_t, int, int>> onsets(const Part& part) {
  std::vector<std::tuple<std::int64_t, int, int>> out;
  for (const Note& note : part.notes) out.emplace_back(note.startTick, note.pitch, note.velocity);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::int64_t, int>> releases(const Part& part) {
  std::vector<std::pair<std::int64_t, int>> out;
  for (const Note& note : part.notes) out.emplace_back(note.endTick, note.pitch);
  std::sort(out.begin(), out.end());
  return out;
}

void requireSameMusic(const Score& original, const Score& again) {
  require(again.ticksPerQuarter == original.ticksPerQuarter, "ticks per quarter survive");
  require(again.tempos == original.tempos, "tempo map survives");
  require(again.timeSignatures == original.timeSignatures, "time signatures survive");
  require(again.keySignatures == original.keySignatures, "key signatures survive");
  require(again.labels == original.labels, "labels survive");
  require(again.parts.size() == original.parts.size(), "every part survives");
  for (std::size_t i = 0; i < original.parts.size(); ++i) {
    const Part& before = original.parts[i];
    const Part& after = again.parts[i];
    require(after.name == before.name, "part name survives");
    require(after.isDrum == before.isDrum, "drum flag survives");
    require(before.isDrum || after.program == before.program, "program survives");
    require(onsets(after) == onsets(before), "note starts survive");
    require(releases(after) == releases(before), "note ends survive");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  midi::File file;
  try {
    file = midi::parse(bytes, "fuzz.mid");
  } catch (const midi::MidiError& error) {
    const bool namesFile = error.file() == "fuzz.mid";
    const bool offsetInside = size == 0 || error.offset() < size;
    if (!namesFile || !offsetInside) std::fprintf(stderr, "%s (input of %zu bytes)\n", error.what(), size);
    require(namesFile, "an error names the file");
    require(offsetInside, "an error names a byte inside the file");
    return 0;
  }
  const Score score = scoreFromMidi(file);
  const TempoMap tempoMap(score);
  (void)tempoMap.seconds(score.endTick());

  std::vector<std::uint8_t> written;
  try {
    written = midi::serialize(midiFromScore(score));
  } catch (const std::invalid_argument&) {
    return 0;  // the score holds what SMF cannot (e.g. a gap over 2^28 ticks): refused, not corrupted
  }
  // Our own output must always parse: a MidiError here escapes and is reported.
  const Score again = scoreFromMidi(midi::parse(written, "round-trip.mid"));
  requireSameMusic(score, again);
  return 0;
}
