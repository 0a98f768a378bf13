#include "music/composer/piece.h"

#include "music/composer/key_choice.h"
#include "music/composer/piece_score.h"

namespace lofi::composer {
namespace {

template <typename T>
T weightedChoice(SeededRandom& random, const std::vector<std::pair<T, int>>& choices) {
  std::vector<int> weights;
  for (const auto& choice : choices) weights.push_back(choice.second);
  return choices[random.weighted(weights)].first;
}

// The melody instrument's register: where it sings, above the chords.
void setMelodyRegister(MelodyOptions& melody, int program) {
  switch (program) {
    case kVibraphone: melody.lowest = 65; melody.highest = 89; break;
    case kJazzGuitar: melody.lowest = 60; melody.highest = 84; break;
    default: melody.lowest = 62; melody.highest = 86; break;
  }
}

}  // namespace

PiecePlan planPiece(SeededRandom& random) {
  PiecePlan plan;
  plan.key = chooseKey(random, random.chancePercent(45));
  plan.bpm = random.between(kLowestBpm, kHighestBpm);
  plan.swing = random.chancePercent(50);
  plan.harmony.bars = random.chancePercent(50) ? 8 : 16;
  plan.harmony.colourPercent = weightedChoice<int>(random, {{30, 1}, {60, 2}, {85, 2}});

  plan.melodyProgram = weightedChoice<int>(random, {{kElectricPiano, 5}, {kVibraphone, 3}, {kJazzGuitar, 2}});
  plan.chordProgram = weightedChoice<int>(random, {{kAcousticPiano, 5}, {kElectricPiano, 4}});
  setMelodyRegister(plan.melody, plan.melodyProgram);
  plan.melody.swing = plan.swing;
  plan.melody.density = weightedChoice<int>(random, {{0, 3}, {1, 4}, {2, 2}});
  plan.melody.dynamics = {random.between(74, 86), 8, 5};

  CompingOptions& comping = plan.comping;
  comping.swing = plan.swing;
  comping.style = plan.swing ? weightedChoice<CompingStyle>(random, {{CompingStyle::SwungEighths, 35},
                                                                     {CompingStyle::HeldPads, 30},
                                                                     {CompingStyle::Anticipations, 35}})
                             : weightedChoice<CompingStyle>(random, {{CompingStyle::ArpeggioIntoBlock, 40},
                                                                     {CompingStyle::HeldPads, 30},
                                                                     {CompingStyle::Anticipations, 30}});
  comping.voicing = weightedChoice<theory::VoicingStyle>(
      random, {{theory::VoicingStyle::Drop2, 4}, {theory::VoicingStyle::Rootless, 4}, {theory::VoicingStyle::Close, 2}});
  comping.lowest = random.between(48, 52);
  comping.highest = comping.lowest + 26;
  comping.pattern = random.below(60);
  comping.dynamics = {random.between(54, 66), 6, 4};

  BassOptions& bass = plan.bass;
  bass.swing = plan.swing;
  bass.style = plan.swing ? weightedChoice<BassStyle>(
                                random, {{BassStyle::Walking, 35}, {BassStyle::HipHop, 40}, {BassStyle::Sustained, 25}})
                          : weightedChoice<BassStyle>(random, {{BassStyle::HipHop, 55}, {BassStyle::Sustained, 45}});
  bass.pattern = random.below(60);
  bass.dynamics = {random.between(76, 88), 8, 5};
  return plan;
}

ComposedPiece composePiece(std::uint64_t seed) {
  SeededRandom random(seed);
  ComposedPiece piece;
  piece.plan = planPiece(random);
  piece.harmony = composeHarmony(piece.plan.key, piece.plan.harmony, random);
  piece.melody = composeMelody(piece.harmony, piece.plan.melody, random);
  const std::vector<StepNote> chords = compChords(piece.harmony, piece.plan.comping, random);
  const std::vector<StepNote> bass = composeBass(piece.harmony, piece.plan.bass, random);
  piece.score = scoreOfPiece(piece.plan, piece.harmony, piece.melody.notes, chords, bass);
  return piece;
}

}  // namespace lofi::composer
