#include "music/composer/bass_line.h"

#include <algorithm>
#include <cstdlib>

#include "music/composer/melody_pitch.h"

namespace lofi::composer {
namespace {

// What a bass note plays, relative to its chord.
enum class Role { Root, Octave, Fifth, ChordTone, Approach };

struct BassHit {
  int onset;   // steps from the start of the bar
  int length;  // steps
  Role role;
};

// Hip hop figures for a whole bar of one chord, eighth-note onsets only so
// that they swing too. A figure for a half bar is its first half.
const std::vector<std::vector<BassHit>>& hipHopFigures() {
  static const std::vector<std::vector<BassHit>> figures = {
      {{0, 6, Role::Root}, {6, 2, Role::Root}, {8, 6, Role::Fifth}, {14, 2, Role::Approach}},
      {{0, 8, Role::Root}, {10, 4, Role::Octave}, {14, 2, Role::Approach}},
      {{0, 6, Role::Root}, {6, 4, Role::Root}, {12, 4, Role::Fifth}},
      {{0, 4, Role::Root}, {6, 2, Role::Octave}, {8, 4, Role::Root}, {12, 2, Role::Fifth}, {14, 2, Role::Approach}},
  };
  return figures;
}

class BassWriter {
 public:
  BassWriter(const Harmony& harmony, const BassOptions& options, SeededRandom& random)
      : harmony_(harmony), options_(options), random_(random), keyScale_(theory::pitchClasses(harmony.key)) {}

  std::vector<StepNote> write() {
    for (int bar = 0; bar < harmony_.bars; ++bar) writeBar(bar);
    return notes_;
  }

 private:
  // The root in the octave nearest the last root, inside the low register.
  int rootNear(int pitchClass, int near) const {
    int pitch = nearestIn(near, {pitchClass});
    while (pitch > options_.highest - 7) pitch -= 12;
    while (pitch < options_.lowest) pitch += 12;
    return pitch;
  }

  int pitchFor(Role role, int root, const theory::ChordSymbol& chord, int nextRoot) {
    switch (role) {
      case Role::Root: return root;
      case Role::Octave: return root + 12 <= options_.highest ? root + 12 : root;
      case Role::Fifth: {
        const int fifth = nearestIn(root + 7, landingTones(chord, harmony_.key), 0);
        return fifth - 12 >= options_.lowest && random_.chancePercent(40) ? fifth - 12 : fifth;
      }
      case Role::ChordTone: {
        // Like the melody, the line leans on the chord tones the key shares.
        return nearestIn(root + (random_.chancePercent(50) ? 4 : 7), landingTones(chord, harmony_.key), 0);
      }
      case Role::Approach: {
        // A semitone below or above the next root, or the scale tone beside it.
        const int side = random_.chancePercent(60) ? -1 : 1;
        return random_.chancePercent(20) ? nextRoot + side : stepThrough(nextRoot, side, keyScale_);
      }
    }
    return root;
  }

  void add(int start, int length, int pitch) {
    notes_.push_back({start, start + length, pitch, humanVelocity(options_.dynamics, start, random_)});
  }

  void writeSegment(int start, int end, const theory::ChordSymbol& chord, int nextRootClass) {
    const int root = rootNear(theory::bassPitchClass(chord), lastRoot_);
    const int nextRoot = rootNear(nextRootClass, root);
    lastRoot_ = root;
    const int length = end - start;
    switch (options_.style) {
      case BassStyle::Sustained:
        if (length >= 16 && random_.chancePercent(50)) {
          add(start, 12, root);
          add(start + 12, 4, pitchFor(random_.chancePercent(50) ? Role::Fifth : Role::Octave, root, chord, nextRoot));
        } else {
          add(start, length, root);
        }
        return;
      case BassStyle::HipHop: {
        const auto& figure = hipHopFigures()[static_cast<std::size_t>(options_.pattern) % hipHopFigures().size()];
        for (const BassHit& hit : figure) {
          if (hit.onset >= length) break;
          // In a half-bar segment the approach lands just before the change.
          const Role role = length < 16 && hit.onset + hit.length >= length ? Role::Approach : hit.role;
          const int hitLength = std::min(hit.length, length - hit.onset);
          add(start + hit.onset, hitLength, hit.onset == 0 ? root : pitchFor(role, root, chord, nextRoot));
        }
        return;
      }
      case BassStyle::Walking:
        for (int beat = 0; beat * kStepsPerBeat < length; ++beat) {
          const bool lastBeat = (beat + 1) * kStepsPerBeat >= length;
          const Role role = beat == 0 ? Role::Root : lastBeat ? Role::Approach : Role::ChordTone;
          add(start + beat * kStepsPerBeat, kStepsPerBeat, pitchFor(role, root, chord, nextRoot));
        }
        return;
    }
  }

  void writeBar(int bar) {
    const int barStart = bar * kStepsPerBar;
    const int barEnd = barStart + kStepsPerBar;
    const bool lastBar = bar == harmony_.bars - 1;
    for (int start = barStart; start < barEnd;) {
      const ChordChange& change = harmony_.at(start);
      const int end = std::min(change.endStep, barEnd);
      const ChordChange& next = harmony_.at(end);
      if (lastBar && end == barEnd) {
        add(start, end - start, rootNear(theory::bassPitchClass(change.chord), lastRoot_));  // the last root rings
      } else {
        writeSegment(start, end, change.chord, theory::bassPitchClass(next.chord));
      }
      start = end;
    }
  }

  const Harmony& harmony_;
  const BassOptions& options_;
  SeededRandom& random_;
  std::vector<int> keyScale_;
  std::vector<StepNote> notes_;
  int lastRoot_ = 38;  // D2: the first root lands near the middle of the bass register
};

}  // namespace

std::string bassStyleName(BassStyle style) {
  switch (style) {
    case BassStyle::Sustained: return "sustained";
    case BassStyle::HipHop: return "hip hop";
    case BassStyle::Walking: return "walking";
  }
  return "?";
}

std::vector<StepNote> composeBass(const Harmony& harmony, const BassOptions& options, SeededRandom& random) {
  return BassWriter(harmony, options, random).write();
}

}  // namespace lofi::composer
