#include "server/generated_track.h"

#include <array>
#include <cmath>

#include "music/note_events.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/key_finding.h"
#include "music/theory/voicing.h"
#include "music/transport_time.h"

namespace lofi::server {
namespace {

constexpr int kChordProgram = 4;    // Electric Piano 1: under any solo instrument
constexpr int kChordVelocity = 58;  // under the solo

// The key asked for, else the one the notes and chords are in (empty for silence).
std::string keyOf(const GeneratedTrack& generated) {
  if (!generated.settings.key.empty()) return generated.settings.key;
  std::array<double, 12> weights{};
  const Score& score = generated.track.score;
  for (const Part& part : score.parts)
    if (!part.isDrum)
      for (const Note& note : part.notes) weights[note.pitch % 12] += static_cast<double>(note.durationTicks());
  // The chords under a solo say as much about the key as the solo does.
  for (const VoicedChord& chord : generated.chords)
    for (int pitch : chord.pitches) weights[pitch % 12] += chord.span.quarters * score.ticksPerQuarter;
  const auto key = theory::estimateKey(weights);
  return key ? theory::toString(*key) : "";
}

}  // namespace

std::vector<VoicedChord> voicedChords(const std::vector<ChordSpan>& timeline, const GenerateSettings& settings) {
  std::vector<VoicedChord> chords;
  std::vector<ChordSpan> spans;
  std::vector<theory::ChordSymbol> symbols;
  for (const ChordSpan& span : timeline) {
    try {
      symbols.push_back(theory::parseChordSymbol(span.symbol));
      spans.push_back(span);
    } catch (const std::invalid_argument&) {
      // A label a model wrote that is no chord symbol: nothing to voice there.
    }
  }
  if (spans.empty()) return chords;
  theory::VoicingOptions voicing;
  voicing.style = theory::VoicingStyle::Close;
  voicing.lowest = settings.chordLowest;
  voicing.highest = settings.chordHighest;
  voicing.maxVoices = 4;
  voicing.withBass = true;
  const std::vector<std::vector<int>> voiced = theory::voiceProgression(symbols, voicing);
  for (std::size_t i = 0; i < spans.size(); ++i) chords.push_back({spans[i], voiced[i]});
  return chords;
}

nlohmann::json toJson(const GeneratedTrack& generated, const std::string& encoding) {
  const GenerateSettings& settings = generated.settings;
  nlohmann::json chords = nlohmann::json::array();
  for (const VoicedChord& chord : generated.chords)
    chords.push_back({{"symbol", chord.span.symbol},
                      {"time", formatTransportTime(chord.span.startQuarters)},
                      {"duration", formatTransportTime(chord.span.quarters)},
                      {"onsetBeats", chord.span.startQuarters},
                      {"durationBeats", chord.span.quarters},
                      {"pitches", chord.pitches}});
  nlohmann::json json = {{"notes", toJson(noteEvents(generated.track.score))},
                         {"chords", chords},
                         {"key", keyOf(generated)},
                         {"bpm", settings.bpm},
                         {"seed", settings.seed},
                         {"bars", settings.bars},
                         {"instrument", settings.instrument.empty() ? "piano" : settings.instrument},
                         {"program", settings.program},
                         {"encoding", encoding},
                         {"steering", generated.steering}};
  if (settings.mood) json["mood"] = toJson(*settings.mood);
  return json;
}

Score arrangement(const GeneratedTrack& generated) {
  Score score = generated.track.score;
  if (generated.chords.empty()) return score;
  const double ticksPerQuarter = score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480;
  Part chords;
  chords.name = "Chords";
  chords.program = kChordProgram;
  chords.channel = 1;  // the solo plays on channel 0 with its own program
  chords.sourceTrack = 1;
  for (const VoicedChord& chord : generated.chords) {
    const auto start = static_cast<std::int64_t>(std::llround(chord.span.startQuarters * ticksPerQuarter));
    const auto end = static_cast<std::int64_t>(std::llround((chord.span.startQuarters + chord.span.quarters) * ticksPerQuarter));
    for (int pitch : chord.pitches) {
      Note note;
      note.pitch = pitch;
      note.velocity = kChordVelocity;
      note.startTick = start;
      note.endTick = end;
      note.channel = chords.channel;
      chords.notes.push_back(note);
    }
  }
  score.parts.push_back(std::move(chords));
  return score;
}

}  // namespace lofi::server
