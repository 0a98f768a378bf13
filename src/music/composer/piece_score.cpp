#include "music/composer/piece_score.h"

#include <algorithm>

#include "music/composer/key_choice.h"
#include "music/theory/chord_symbol.h"

namespace lofi::composer {
namespace {

constexpr int kTextEvent = 0x01;
constexpr int kMarkerEvent = 0x06;

Part partOf(const char* name, int program, int channel, const std::vector<StepNote>& notes, bool swing) {
  Part part;
  part.name = name;
  part.program = program;
  part.channel = channel;
  for (const StepNote& note : notes)
    part.notes.push_back({tickOfStep(note.startStep, swing), tickOfStep(note.endStep, swing), note.pitch,
                          note.velocity, channel});
  std::sort(part.notes.begin(), part.notes.end(), [](const Note& a, const Note& b) {
    return a.startTick != b.startTick ? a.startTick < b.startTick : a.pitch < b.pitch;
  });
  return part;
}

}  // namespace

std::string tempoLabel(int bpm) { return "tempo: " + std::to_string(bpm) + " bpm"; }

std::string progressionLabel(const Harmony& harmony) {
  std::string text = "progression: ";
  for (std::size_t i = 0; i < harmony.progressions.size(); ++i) text += (i ? ", " : "") + harmony.progressions[i];
  return text;
}

Score scoreOfPiece(const PiecePlan& plan, const Harmony& harmony, const std::vector<StepNote>& melody,
                   const std::vector<StepNote>& chords, const std::vector<StepNote>& bass) {
  Score score;
  score.ticksPerQuarter = kTicksPerQuarter;
  score.parts.push_back(partOf(kMelodyPart, plan.melodyProgram, 0, melody, plan.swing));
  score.parts.push_back(partOf(kChordsPart, plan.chordProgram, 1, chords, plan.swing));
  score.parts.push_back(partOf(kBassPart, kFingeredBass, 2, bass, plan.swing));
  score.parts[0].sourceTrack = 1;
  score.parts[1].sourceTrack = 2;
  score.parts[2].sourceTrack = 3;
  score.tempos.push_back({0, 60'000'000 / plan.bpm});
  score.timeSignatures.push_back({0, kBeatsPerBar, 4});
  KeySignature signature = keySignatureOf(harmony.key);
  score.keySignatures.push_back(signature);
  score.labels.push_back({0, kTextEvent, keyLabel(harmony.key)});
  score.labels.push_back({0, kTextEvent, tempoLabel(plan.bpm)});
  score.labels.push_back({0, kTextEvent, progressionLabel(harmony)});
  for (const ChordChange& change : harmony.changes)
    score.labels.push_back({tickOfStep(change.startStep, plan.swing), kMarkerEvent, theory::toString(change.chord)});
  return score;
}

}  // namespace lofi::composer
