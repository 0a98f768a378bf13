#include "music/composer/melody.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "music/composer/melody_pitch.h"

namespace lofi::composer {
namespace {

enum class Variation { Same, Inverted, Displaced, Embellished, Fragment, Thinned };

// One of the first three bars of a phrase: which motif (0 the phrase's own,
// 1 its answering motif), varied how, and how many sequence steps away from
// the phrase's first statement.
struct BarPlan {
  int motif = 0;
  Variation variation = Variation::Same;
  int shift = 0;  // in units of the phrase's sequence step
};

struct PhrasePlan {
  std::array<BarPlan, 3> bars;
  int weight;
};

// The fourth bar of every phrase is its ending.
constexpr PhrasePlan kPhrasePlans[] = {
    {{{{0, Variation::Same, 0}, {0, Variation::Same, 1}, {0, Variation::Same, 0}}}, 6},       // a a' a
    {{{{0, Variation::Same, 0}, {0, Variation::Same, 0}, {0, Variation::Same, 1}}}, 5},       // a a a'
    {{{{0, Variation::Same, 0}, {0, Variation::Same, 1}, {0, Variation::Same, 2}}}, 5},       // sequence chain
    {{{{0, Variation::Same, 0}, {0, Variation::Inverted, 1}, {0, Variation::Same, 1}}}, 4},   // inversion
    {{{{0, Variation::Same, 0}, {0, Variation::Displaced, 0}, {0, Variation::Same, 1}}}, 4},  // displacement
    {{{{0, Variation::Same, 0}, {1, Variation::Same, 0}, {0, Variation::Same, 1}}}, 5},       // call and response
    {{{{0, Variation::Same, 0}, {0, Variation::Embellished, 1}, {0, Variation::Same, 0}}}, 4},
    {{{{0, Variation::Same, 0}, {0, Variation::Same, 1}, {0, Variation::Thinned, 2}}}, 3},
    {{{{0, Variation::Same, 0}, {0, Variation::Same, 1}, {0, Variation::Fragment, 0}}}, 4},   // the head alone
    {{{{0, Variation::Same, 0}, {0, Variation::Fragment, 1}, {0, Variation::Same, 1}}}, 3},
};

// Ending bars: the last note is the phrase's goal; the ones before lead to
// it; the last beat is left for a breath (or a pickup into the next phrase).
struct EndingCell {
  std::vector<std::pair<int, int>> notes;  // onset, length in steps
  bool straightOnly;
};

const std::vector<EndingCell>& endingCells() {
  static const std::vector<EndingCell> cells = {
      {{{0, 12}}, false},
      {{{0, 4}, {4, 8}}, false},
      {{{0, 2}, {2, 2}, {4, 8}}, false},
      {{{0, 4}, {4, 4}, {8, 4}}, false},
      {{{0, 6}, {6, 6}}, false},
      {{{2, 2}, {4, 2}, {6, 6}}, false},
      {{{0, 3}, {3, 3}, {6, 6}}, true},
  };
  return cells;
}

struct Phrase {
  PhrasePlan plan;
  std::array<Motif, 2> motifs;
  int sequenceStep = -1;  // scale steps between sequence members
  int anchor = 72;        // the nominal pitch of its first statement
};

class MelodyWriter {
 public:
  MelodyWriter(const Harmony& harmony, const MelodyOptions& options, SeededRandom& random)
      : harmony_(harmony), options_(options), random_(random), keyScale_(theory::pitchClasses(harmony.key)) {}

  Melody write();

 private:
  Phrase newPhrase(int startBar);
  void writePhrase(const Phrase& phrase, int startBar, bool closed, bool lastPhrase, bool varyThirdBar);
  void state(const Motif& motif, int bar, int anchor);
  void end(int bar, bool closed, bool last);
  void addPickup(int bar);
  int realise(int desired, int step, int length, int direction);
  int fitAnchor(const Motif& motif, int anchor) const;
  int inRegister(int pitch) const;  // octaves moved until inside the register
  int firstChordTone(int bar, int near);
  void smoothLeaps();
  void addApproachTones();
  void addAppoggiaturas();
  void shapeVelocities();
  MotifOptions motifOptions() const { return {options_.swing, options_.density}; }

  const Harmony& harmony_;
  const MelodyOptions& options_;
  SeededRandom& random_;
  std::vector<int> keyScale_;
  std::vector<StepNote> notes_;
  std::vector<Motif> motifs_;
  int lastPitch_ = 72;
};

int MelodyWriter::realise(int desired, int step, int length, int direction) {
  const theory::ChordSymbol& chord = harmony_.at(step).chord;
  // Strong beats always land on a chord tone, and so do notes held a beat or
  // more (a syncopated long note is heard as a strong one). On beats 2 and 4 a
  // tone a semitone from a chord tone (an avoid note) moves onto it; a whole
  // step away (a ninth, a passing tone) it may stay.
  const std::vector<int> landing = landingTones(chord, harmony_.key);
  const bool onChordTone = isStrongStep(step) || length >= kStepsPerBeat ||
                           (isBeatStep(step) && std::abs(nearestIn(desired, landing) - desired) <= 1);
  int pitch = onChordTone ? nearestIn(desired, landing, direction)
                          : nearestIn(desired, chordScale(chord, harmony_.key), direction);
  return inRegister(pitch);
}

int MelodyWriter::inRegister(int pitch) const {
  while (pitch > options_.highest) pitch -= 12;
  while (pitch < options_.lowest) pitch += 12;
  return pitch;
}

// Moves the anchor by an octave if that keeps more of the motif's contour
// inside the register.
int MelodyWriter::fitAnchor(const Motif& motif, int anchor) const {
  int offset = 0, lowest = 0, highest = 0;
  for (const MotifNote& note : motif.notes) {
    offset += note.interval;
    lowest = std::min(lowest, offset);
    highest = std::max(highest, offset);
  }
  const auto overflow = [&](int candidate) {
    const int bottom = stepThrough(candidate, lowest, keyScale_);
    const int top = stepThrough(candidate, highest, keyScale_);
    return std::max(0, options_.lowest - bottom) + std::max(0, top - options_.highest);
  };
  int best = anchor;
  for (int candidate : {anchor - 12, anchor + 12})
    if (overflow(candidate) < overflow(best)) best = candidate;
  return best;
}

void MelodyWriter::state(const Motif& motif, int bar, int anchor) {
  const int barStart = bar * kStepsPerBar;
  int previous = fitAnchor(motif, anchor);
  bool first = true;
  for (const MotifNote& note : motif.notes) {
    const int desired = first ? previous : stepThrough(previous, note.interval, keyScale_);
    const int direction = first ? 0 : note.interval;
    const int step = barStart + note.onset;
    const int pitch = realise(desired, step, note.length, direction);
    notes_.push_back({step, step + note.length, pitch, 0});
    previous = pitch;
    first = false;
  }
  lastPitch_ = previous;
}

int MelodyWriter::firstChordTone(int bar, int near) {
  return realise(near, bar * kStepsPerBar, kStepsPerBeat, 0);
}

void MelodyWriter::end(int bar, bool closed, bool last) {
  std::vector<const EndingCell*> cells;
  for (const EndingCell& cell : endingCells())
    if (!cell.straightOnly || !options_.swing) cells.push_back(&cell);
  const EndingCell& cell = *cells[static_cast<std::size_t>(random_.below(static_cast<int>(cells.size())))];
  const int barStart = bar * kStepsPerBar;
  const int targetStep = barStart + cell.notes.back().first;
  const theory::ChordSymbol& chord = harmony_.at(targetStep).chord;

  // Closed: home, the key's tonic if the chord holds it. Open: the third or fifth, a question.
  std::vector<int> goals;
  const int tonic = theory::pitchClass(harmony_.key.tonic);
  const std::vector<int> stable = landingTones(chord, harmony_.key);
  if (closed) {
    goals = {holds(stable, tonic) ? tonic : theory::rootPitchClass(chord)};
  } else {
    for (const theory::ChordTone& tone : theory::chordTones(chord)) {
      const int pitchClass = theory::pitchClassOf(theory::rootPitchClass(chord) + tone.semitones);
      if (tone.degree >= 2 && tone.degree <= 5 && holds(stable, pitchClass)) goals.push_back(pitchClass);
    }
    if (goals.empty()) goals = stable;
  }
  const int target = inRegister(nearestIn(lastPitch_, goals, (options_.lowest + options_.highest) / 2 - lastPitch_));

  // Lead in by step from the side the line is on.
  const int side = lastPitch_ >= target ? 1 : -1;
  const int leadIns = static_cast<int>(cell.notes.size()) - 1;
  for (int i = 0; i < leadIns; ++i) {
    const auto [onset, length] = cell.notes[static_cast<std::size_t>(i)];
    const int desired = stepThrough(target, (leadIns - i) * side, keyScale_);
    int pitch = realise(desired, barStart + onset, length, -side);
    // A lead-in snapped onto the goal itself would only repeat it: take the chord tone beside it.
    if (pitch == target) {
      const int beside = stepThrough(target, side, landingTones(harmony_.at(barStart + onset).chord, harmony_.key));
      if (beside >= options_.lowest && beside <= options_.highest) pitch = beside;
    }
    notes_.push_back({barStart + onset, barStart + onset + length, pitch, 0});
  }
  const auto [onset, length] = cell.notes.back();
  const int endStep = last ? barStart + kStepsPerBar : barStart + onset + length;
  notes_.push_back({barStart + onset, endStep, target, 0});
  lastPitch_ = target;
}

// One or two notes in the rest before a phrase, stepping up into its first note.
void MelodyWriter::addPickup(int bar) {
  const int barStart = bar * kStepsPerBar;
  const auto firstNote = std::find_if(notes_.begin(), notes_.end(), [&](const StepNote& n) { return n.startStep >= barStart; });
  if (firstNote == notes_.end() || firstNote->startStep > barStart + 2) return;
  const int target = firstNote->pitch;
  const int pickupStart = barStart - 4;
  for (const StepNote& note : notes_)
    if (note.endStep > pickupStart && note.startStep < barStart) return;  // no room
  const int count = random_.chancePercent(50) ? 2 : 1;
  std::vector<StepNote> pickups;
  for (int i = 0; i < count; ++i) {
    const int step = barStart - 2 * (count - i);
    const int desired = stepThrough(target, -(count - i), keyScale_);
    pickups.push_back({step, step + 2, realise(desired, step, 2, 1), 0});
  }
  notes_.insert(firstNote, pickups.begin(), pickups.end());
}

Phrase MelodyWriter::newPhrase(int startBar) {
  Phrase phrase;
  std::vector<int> weights;
  for (const PhrasePlan& plan : kPhrasePlans) weights.push_back(plan.weight);
  phrase.plan = kPhrasePlans[random_.weighted(weights)];
  phrase.motifs[0] = makeMotif(random_, motifOptions());
  phrase.motifs[1] = makeMotif(random_, motifOptions());
  static constexpr int kSteps[] = {-1, 1, -2, 2};
  static constexpr int kStepWeights[] = {4, 3, 2, 2};
  phrase.sequenceStep = kSteps[random_.weighted(kStepWeights)];
  const int centre = (options_.lowest + options_.highest) / 2 + random_.between(-3, 3);
  phrase.anchor = firstChordTone(startBar, centre);
  return phrase;
}

void MelodyWriter::writePhrase(const Phrase& phrase, int startBar, bool closed, bool lastPhrase, bool varyThirdBar) {
  for (int i = 0; i < 3; ++i) {
    BarPlan bar = phrase.plan.bars[static_cast<std::size_t>(i)];
    // A repeated phrase changes its third bar, so that it is heard as a variation.
    if (varyThirdBar && i == 2) bar.variation = random_.chancePercent(50) ? Variation::Displaced : Variation::Inverted;
    const Motif& base = phrase.motifs[static_cast<std::size_t>(bar.motif)];
    Motif motif = base;
    switch (bar.variation) {
      case Variation::Same: break;
      case Variation::Inverted: motif = inverted(base); break;
      case Variation::Displaced: motif = displaced(base, options_.swing || random_.chancePercent(60) ? 2 : 4); break;
      case Variation::Embellished: motif = embellished(base, random_, motifOptions()); break;
      case Variation::Fragment: motif = fragment(base); break;
      case Variation::Thinned: motif = thinned(base, random_); break;
    }
    const int anchor = stepThrough(phrase.anchor, bar.shift * phrase.sequenceStep, keyScale_);
    state(motif, startBar + i, anchor);
  }
  end(startBar + 3, closed, lastPhrase);
}

// Weak-beat notes outside the chord are passing or neighbour tones: reached
// or left by step. One leapt into and out of becomes a chord tone.
void MelodyWriter::smoothLeaps() {
  for (std::size_t i = 1; i + 1 < notes_.size(); ++i) {
    StepNote& note = notes_[i];
    if (isStrongStep(note.startStep)) continue;
    const std::vector<int> stable = landingTones(harmony_.at(note.startStep).chord, harmony_.key);
    if (holds(stable, note.pitch)) continue;
    const bool leapIn = std::abs(note.pitch - notes_[i - 1].pitch) > 2;
    const bool leapOut = std::abs(notes_[i + 1].pitch - note.pitch) > 2;
    if (leapIn && leapOut) note.pitch = inRegister(nearestIn(note.pitch, stable, notes_[i + 1].pitch - note.pitch));
  }
}

// Now and then the note before a strong-beat chord tone becomes its chromatic
// lower neighbour, the jazz approach tone.
void MelodyWriter::addApproachTones() {
  for (std::size_t i = 0; i + 1 < notes_.size(); ++i) {
    StepNote& note = notes_[i];
    const StepNote& next = notes_[i + 1];
    if (note.endStep != next.startStep || !isStrongStep(next.startStep) || isStrongStep(note.startStep)) continue;
    if (std::abs(next.pitch - note.pitch) > 2 || next.pitch - 1 < options_.lowest) continue;
    if (random_.chancePercent(8)) note.pitch = next.pitch - 1;
  }
}

// Now and then a strong beat leans on the scale tone above the chord tone that
// follows it, and resolves down by step: the appoggiatura, the sigh of a phrase.
void MelodyWriter::addAppoggiaturas() {
  // At most one strong-beat note in ten, so that the line stays anchored to the harmony.
  const auto strongNotes = std::count_if(notes_.begin(), notes_.end(), [](const StepNote& n) { return isStrongStep(n.startStep); });
  int budget = static_cast<int>(strongNotes / 10);
  for (std::size_t i = 0; i + 1 < notes_.size() && budget > 0; ++i) {
    StepNote& note = notes_[i];
    const StepNote& next = notes_[i + 1];
    if (!isStrongStep(note.startStep) || next.startStep != note.endStep || note.pitch != next.pitch) continue;
    const theory::ChordSymbol& chord = harmony_.at(note.startStep).chord;
    const int leaning = stepThrough(next.pitch, 1, chordScale(chord, harmony_.key));
    if (leaning > options_.highest || holds(stableTones(chord), leaning)) continue;
    if (random_.chancePercent(40)) {
      note.pitch = leaning;
      --budget;
    }
  }
}

void MelodyWriter::shapeVelocities() {
  for (StepNote& note : notes_) {
    const int barInPhrase = (note.startStep / kStepsPerBar) % 4;
    // Phrases swell towards their third bar and relax into the ending.
    static constexpr int kArc[] = {0, 3, 5, -2};
    note.velocity = humanVelocity(options_.dynamics, note.startStep, random_, kArc[barInPhrase]);
  }
}

Melody MelodyWriter::write() {
  if (harmony_.bars % 4 != 0) throw std::invalid_argument("the melody needs a whole number of 4-bar phrases");
  const int phrases = harmony_.bars / 4;
  const Phrase a = newPhrase(0);
  motifs_ = {a.motifs[0], a.motifs[1]};
  for (int index = 0; index < phrases; ++index) {
    const int startBar = index * 4;
    const bool lastPhrase = index == phrases - 1;
    // A, A' closes (8 bars); A, A', B, A'' (16 bars): B states a motif of its own, higher.
    const bool bridge = phrases == 4 && index == 2;
    if (bridge) {
      Phrase b = newPhrase(startBar);
      b.anchor = firstChordTone(startBar, stepThrough(a.anchor, random_.between(2, 3), keyScale_));
      motifs_.push_back(b.motifs[0]);
      motifs_.push_back(b.motifs[1]);
      writePhrase(b, startBar, false, false, false);
    } else {
      const bool closed = lastPhrase || (phrases == 4 && index == 1 && random_.chancePercent(30));
      writePhrase(a, startBar, closed, lastPhrase, index > 0);
    }
    if (index > 0 && random_.chancePercent(35)) addPickup(startBar);
  }
  smoothLeaps();
  addApproachTones();
  addAppoggiaturas();
  shapeVelocities();
  return {notes_, motifs_};
}

}  // namespace

Melody composeMelody(const Harmony& harmony, const MelodyOptions& options, SeededRandom& random) {
  return MelodyWriter(harmony, options, random).write();
}

}  // namespace lofi::composer
