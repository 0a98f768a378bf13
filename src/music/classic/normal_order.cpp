#include "music/classic/normal_order.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "music/classic/pitch_names.h"

namespace lofi {
namespace {

using PitchClassMask = std::uint16_t;  // bit k set: pitch class k present
constexpr int kMaskCount = 1 << 12;

// The prime form of every set class, from music21's chord tables (Forte's
// list in Forte's order; music21 takes some forms packed to the left, e.g.
// 5-20 is 0,1,3,7,8). music21 stores the inverted form of each class that is
// not inversionally symmetric as the prime form mirrored within its span
// (3-11: 0,3,7 gives the major triad 0,4,7), which is how it is derived here.
const std::vector<std::vector<int>>& primeForms() {
  static const std::vector<std::vector<int>> forms = {
    // cardinality 1
    {0},
    // cardinality 2
    {0,1}, {0,2}, {0,3}, {0,4}, {0,5}, {0,6},
    // cardinality 3
    {0,1,2}, {0,1,3}, {0,1,4}, {0,1,5}, {0,1,6}, {0,2,4}, {0,2,5}, {0,2,6}, {0,2,7}, {0,3,6}, {0,3,7},
    {0,4,8},
    // cardinality 4
    {0,1,2,3}, {0,1,2,4}, {0,1,3,4}, {0,1,2,5}, {0,1,2,6}, {0,1,2,7}, {0,1,4,5}, {0,1,5,6}, {0,1,6,7},
    {0,2,3,5}, {0,1,3,5}, {0,2,3,6}, {0,1,3,6}, {0,2,3,7}, {0,1,4,6}, {0,1,5,7}, {0,3,4,7}, {0,1,4,7},
    {0,1,4,8}, {0,1,5,8}, {0,2,4,6}, {0,2,4,7}, {0,2,5,7}, {0,2,4,8}, {0,2,6,8}, {0,3,5,8}, {0,2,5,8},
    {0,3,6,9}, {0,1,3,7},
    // cardinality 5
    {0,1,2,3,4}, {0,1,2,3,5}, {0,1,2,4,5}, {0,1,2,3,6}, {0,1,2,3,7}, {0,1,2,5,6}, {0,1,2,6,7}, {0,2,3,4,6},
    {0,1,2,4,6}, {0,1,3,4,6}, {0,2,3,4,7}, {0,1,3,5,6}, {0,1,2,4,8}, {0,1,2,5,7}, {0,1,2,6,8}, {0,1,3,4,7},
    {0,1,3,4,8}, {0,1,4,5,7}, {0,1,3,6,7}, {0,1,3,7,8}, {0,1,4,5,8}, {0,1,4,7,8}, {0,2,3,5,7}, {0,1,3,5,7},
    {0,2,3,5,8}, {0,2,4,5,8}, {0,1,3,5,8}, {0,2,3,6,8}, {0,1,3,6,8}, {0,1,4,6,8}, {0,1,3,6,9}, {0,1,4,6,9},
    {0,2,4,6,8}, {0,2,4,6,9}, {0,2,4,7,9}, {0,1,2,4,7}, {0,3,4,5,8}, {0,1,2,5,8},
    // cardinality 6
    {0,1,2,3,4,5}, {0,1,2,3,4,6}, {0,1,2,3,5,6}, {0,1,2,4,5,6}, {0,1,2,3,6,7}, {0,1,2,5,6,7}, {0,1,2,6,7,8},
    {0,2,3,4,5,7}, {0,1,2,3,5,7}, {0,1,3,4,5,7}, {0,1,2,4,5,7}, {0,1,2,4,6,7}, {0,1,3,4,6,7}, {0,1,3,4,5,8},
    {0,1,2,4,5,8}, {0,1,4,5,6,8}, {0,1,2,4,7,8}, {0,1,2,5,7,8}, {0,1,3,4,7,8}, {0,1,4,5,8,9}, {0,2,3,4,6,8},
    {0,1,2,4,6,8}, {0,2,3,5,6,8}, {0,1,3,4,6,8}, {0,1,3,5,6,8}, {0,1,3,5,7,8}, {0,1,3,4,6,9}, {0,1,3,5,6,9},
    {0,1,3,6,8,9}, {0,1,3,6,7,9}, {0,1,3,5,8,9}, {0,2,4,5,7,9}, {0,2,3,5,7,9}, {0,1,3,5,7,9}, {0,2,4,6,8,10},
    {0,1,2,3,4,7}, {0,1,2,3,4,8}, {0,1,2,3,7,8}, {0,2,3,4,5,8}, {0,1,2,3,5,8}, {0,1,2,3,6,8}, {0,1,2,3,6,9},
    {0,1,2,5,6,8}, {0,1,2,5,6,9}, {0,2,3,4,6,9}, {0,1,2,4,6,9}, {0,1,2,4,7,9}, {0,1,2,5,7,9}, {0,1,3,4,7,9},
    {0,1,4,6,7,9},
    // cardinality 7
    {0,1,2,3,4,5,6}, {0,1,2,3,4,5,7}, {0,1,2,3,4,5,8}, {0,1,2,3,4,6,7}, {0,1,2,3,5,6,7}, {0,1,2,3,4,7,8},
    {0,1,2,3,6,7,8}, {0,2,3,4,5,6,8}, {0,1,2,3,4,6,8}, {0,1,2,3,4,6,9}, {0,1,3,4,5,6,8}, {0,1,2,3,4,7,9},
    {0,1,2,4,5,6,8}, {0,1,2,3,5,7,8}, {0,1,2,4,6,7,8}, {0,1,2,3,5,6,9}, {0,1,2,4,5,6,9}, {0,1,2,3,5,8,9},
    {0,1,2,3,6,7,9}, {0,1,2,4,7,8,9}, {0,1,2,4,5,8,9}, {0,1,2,5,6,8,9}, {0,2,3,4,5,7,9}, {0,1,2,3,5,7,9},
    {0,2,3,4,6,7,9}, {0,1,3,4,5,7,9}, {0,1,2,4,5,7,9}, {0,1,3,5,6,7,9}, {0,1,2,4,6,7,9}, {0,1,2,4,6,8,9},
    {0,1,3,4,6,7,9}, {0,1,3,4,6,8,9}, {0,1,2,4,6,8,10}, {0,1,3,4,6,8,10}, {0,1,3,5,6,8,10}, {0,1,2,3,5,6,8},
    {0,1,3,4,5,7,8}, {0,1,2,4,5,7,8},
    // cardinality 8
    {0,1,2,3,4,5,6,7}, {0,1,2,3,4,5,6,8}, {0,1,2,3,4,5,6,9}, {0,1,2,3,4,5,7,8}, {0,1,2,3,4,6,7,8},
    {0,1,2,3,5,6,7,8}, {0,1,2,3,4,5,8,9}, {0,1,2,3,4,7,8,9}, {0,1,2,3,6,7,8,9}, {0,2,3,4,5,6,7,9},
    {0,1,2,3,4,5,7,9}, {0,1,3,4,5,6,7,9}, {0,1,2,3,4,6,7,9}, {0,1,2,4,5,6,7,9}, {0,1,2,3,4,6,8,9},
    {0,1,2,3,5,7,8,9}, {0,1,3,4,5,6,8,9}, {0,1,2,3,5,6,8,9}, {0,1,2,4,5,6,8,9}, {0,1,2,4,5,7,8,9},
    {0,1,2,3,4,6,8,10}, {0,1,2,3,5,6,8,10}, {0,1,2,3,5,7,8,10}, {0,1,2,4,5,6,8,10}, {0,1,2,4,6,7,8,10},
    {0,1,2,4,5,7,9,10}, {0,1,2,4,5,7,8,10}, {0,1,3,4,6,7,9,10}, {0,1,2,3,5,6,7,9},
    // cardinality 9
    {0,1,2,3,4,5,6,7,8}, {0,1,2,3,4,5,6,7,9}, {0,1,2,3,4,5,6,8,9}, {0,1,2,3,4,5,7,8,9}, {0,1,2,3,4,6,7,8,9},
    {0,1,2,3,4,5,6,8,10}, {0,1,2,3,4,5,7,8,10}, {0,1,2,3,4,6,7,8,10}, {0,1,2,3,5,6,7,8,10},
    {0,1,2,3,4,6,7,9,10}, {0,1,2,3,5,6,7,9,10}, {0,1,2,4,5,6,8,9,10},
    // cardinality 10
    {0,1,2,3,4,5,6,7,8,9}, {0,1,2,3,4,5,6,7,8,10}, {0,1,2,3,4,5,6,7,9,10}, {0,1,2,3,4,5,6,8,9,10},
    {0,1,2,3,4,5,7,8,9,10}, {0,1,2,3,4,6,7,8,9,10},
    // cardinality 11
    {0,1,2,3,4,5,6,7,8,9,10},
    // cardinality 12
    {0,1,2,3,4,5,6,7,8,9,10,11},
  };
  return forms;
}

PitchClassMask maskOf(const std::vector<int>& classes, int transposition) {
  PitchClassMask mask = 0;
  for (int pc : classes) mask |= static_cast<PitchClassMask>(1u << ((pc + transposition) % 12));
  return mask;
}

std::vector<int> mirrored(const std::vector<int>& form) {
  std::vector<int> mirror;
  for (auto it = form.rbegin(); it != form.rend(); ++it) mirror.push_back(form.back() - *it);
  return mirror;
}

bool inversionallySymmetric(const std::vector<int>& form) {
  const PitchClassMask self = maskOf(form, 0);
  std::vector<int> inverted;
  for (int pc : form) inverted.push_back((12 - pc) % 12);
  for (int t = 0; t < 12; ++t)
    if (maskOf(inverted, t) == self) return true;
  return false;
}

// For every pitch-class set, the class its normal order starts on. music21's
// Chord.normalOrder finds the set's table form (prime, or mirrored prime for
// an inverted set) and returns it transposed by the lowest pitch class of the
// set for which the transposition is the set itself. Each normal order is
// therefore a rotation of the sorted set, fixed by its first class.
const std::array<std::int8_t, kMaskCount>& normalOrderStarts() {
  static const std::array<std::int8_t, kMaskCount> starts = [] {
    std::array<std::int8_t, kMaskCount> table;
    table.fill(-1);
    for (const std::vector<int>& prime : primeForms()) {
      std::vector<std::vector<int>> forms{prime};
      if (!inversionallySymmetric(prime)) forms.push_back(mirrored(prime));
      for (const std::vector<int>& form : forms)
        for (int t = 0; t < 12; ++t) {
          std::int8_t& start = table[maskOf(form, t)];
          if (start < 0) start = static_cast<std::int8_t>(t);  // lowest transposition wins
        }
    }
    return table;
  }();
  return starts;
}

}  // namespace

std::vector<int> normalOrder(const std::vector<int>& pitchClasses) {
  PitchClassMask mask = 0;
  for (int value : pitchClasses) mask |= static_cast<PitchClassMask>(1u << pitchClass(value));
  std::vector<int> order;
  if (mask == 0) return order;
  const int start = normalOrderStarts()[mask];
  for (int k = 0; k < 12; ++k) {
    const int pc = (start + k) % 12;
    if (mask & (1u << pc)) order.push_back(pc);
  }
  return order;
}

std::string normalOrderToken(const std::vector<int>& midiPitches) {
  std::string token;
  for (int pc : normalOrder(midiPitches)) {
    if (!token.empty()) token += '.';
    token += std::to_string(pc);
  }
  return token;
}

}  // namespace lofi
