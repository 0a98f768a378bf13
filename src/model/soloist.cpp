#include "model/soloist.h"

#include <array>
#include <cmath>

#include "music/note_events.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/key_finding.h"
#include "music/theory/voicing.h"
#include "music/transport_time.h"

namespace lofi {
namespace {

constexpr int kChordProgram = 4;    // Electric Piano 1: under any solo instrument
constexpr int kChordVelocity = 58;  // under the solo

// The key asked for, else the one the notes and chords are in (empty for silence).
std::string keyOf(const Solo& solo) {
  if (!solo.settings.key.empty()) return solo.settings.key;
  std::array<double, 12> weights{};
  const Score& score = solo.track.score;
  for (const Part& part : score.parts)
    if (!part.isDrum)
      for (const Note& note : part.notes) weights[note.pitch % 12] += static_cast<double>(note.durationTicks());
  // The chords under a solo say as much about the key as the solo does.
  for (const VoicedChord& chord : solo.chords)
    for (int pitch : chord.pitches) weights[pitch % 12] += chord.span.quarters * score.ticksPerQuarter;
  const auto key = theory::estimateKey(weights);
  return key ? theory::toString(*key) : "";
}

}  // namespace

TrackOptions Soloist::trackOptions(const GenerationSettings& settings, std::string& steering) const {
  TrackOptions options;
  options.bars = settings.bars;
  options.tokens = settings.tokens;
  options.seed = settings.seed;
  options.sampling = settings.sampling;
  options.method = settings.method.value_or(defaultMethod(model_));
  options.decode.bpm = settings.bpm;
  options.decode.program = settings.program;
  options.decode.seed = settings.seed;
  options.primer = settings.primer;
  // The seed's network needs a window of real music to start from; ours starts from nothing.
  if (options.primer.empty() && options.method == GenerationMethod::SlidingWindow)
    options.primer = randomPrimer(model_, settings.seed);
  // Chords steer when the encoding allows it, else the key does; an encoding
  // that allows neither plays freely under the chords the answer lists.
  const auto steers = [&](const Steering& wanted) {
    try {
      steeringConstraints(model_.vocabulary(), encoding_.name(), wanted, options.decode);
      return true;
    } catch (const std::invalid_argument&) {
      return false;
    }
  };
  steering = "none";
  if (!settings.chords.empty() && steers({settings.chords, settings.key})) {
    options.steering = {settings.chords, settings.key};
    steering = "chords";
  } else if (!settings.key.empty() && steers({"", settings.key})) {
    options.steering = {"", settings.key};
    steering = "key";
  }
  return options;
}

Solo Soloist::solo(const GenerationSettings& settings, WrittenTrack track, const std::string& steering) const {
  Solo solo;
  solo.settings = settings;
  solo.track = std::move(track);
  solo.steering = steering;
  solo.encoding = encoding_.name();
  // The chords asked for; or, from a model trained on some parts only (a
  // melody), the chords it wrote, voiced so that the page can accompany it.
  const bool accompanied = !model_.file().training.parts.empty();
  const double quarters = settings.bars > 0 ? settings.bars * kQuartersPerBar
                                            : static_cast<double>(solo.track.score.endTick()) / solo.track.score.ticksPerQuarter;
  if (!settings.chords.empty())
    solo.chords = voicedChords(chordTimeline(theory::parseChordProgression(settings.chords), quarters), settings);
  else if (accompanied)
    solo.chords = voicedChords(solo.track.chords, settings);
  solo.key = keyOf(solo);
  return solo;
}

Solo Soloist::write(const GenerationSettings& settings) const {
  std::string steering;
  const TrackOptions options = trackOptions(settings, steering);
  return solo(settings, writeTrack(model_, encoding_, options), steering);
}

std::vector<VoicedChord> voicedChords(const std::vector<ChordSpan>& timeline, const GenerationSettings& settings) {
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

nlohmann::json toJson(const Solo& solo) {
  const GenerationSettings& settings = solo.settings;
  nlohmann::json chords = nlohmann::json::array();
  for (const VoicedChord& chord : solo.chords)
    chords.push_back({{"symbol", chord.span.symbol},
                      {"time", formatTransportTime(chord.span.startQuarters)},
                      {"duration", formatTransportTime(chord.span.quarters)},
                      {"onsetBeats", chord.span.startQuarters},
                      {"durationBeats", chord.span.quarters},
                      {"pitches", chord.pitches}});
  nlohmann::json json = {{"notes", toJson(noteEvents(solo.track.score))},
                         {"chords", chords},
                         {"key", solo.key},
                         {"bpm", settings.bpm},
                         {"seed", settings.seed},
                         {"bars", settings.bars},
                         {"instrument", settings.instrument.empty() ? "piano" : settings.instrument},
                         {"program", settings.program},
                         {"encoding", solo.encoding},
                         {"steering", solo.steering}};
  if (settings.mood) json["mood"] = toJson(*settings.mood);
  return json;
}

Score arrangement(const Solo& solo) {
  Score score = solo.track.score;
  if (solo.chords.empty()) return score;
  const double ticksPerQuarter = score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480;
  Part chords;
  chords.name = "Chords";
  chords.program = kChordProgram;
  chords.channel = 1;  // the solo plays on channel 0 with its own program
  chords.sourceTrack = 1;
  for (const VoicedChord& chord : solo.chords) {
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

}  // namespace lofi
