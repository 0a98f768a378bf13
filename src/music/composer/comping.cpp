#include "music/composer/comping.h"

#include <algorithm>
#include <span>

namespace lofi::composer {
namespace {

// A stretch of one chord inside one bar: comping figures are per bar.
struct Segment {
  int startStep;
  int endStep;
  std::size_t chord;  // index into the harmony's changes and the voicings
};

std::vector<Segment> segmentsByBar(const Harmony& harmony) {
  std::vector<Segment> segments;
  for (std::size_t i = 0; i < harmony.changes.size(); ++i) {
    const ChordChange& change = harmony.changes[i];
    for (int start = change.startStep; start < change.endStep;) {
      const int barEnd = (start / kStepsPerBar + 1) * kStepsPerBar;
      const int end = std::min(change.endStep, barEnd);
      segments.push_back({start, end, i});
      start = end;
    }
  }
  return segments;
}

void strike(std::vector<StepNote>& notes, const std::vector<int>& voicing, int start, int end,
            const CompingOptions& options, SeededRandom& random, int shape = 0) {
  if (end <= start) return;
  for (int pitch : voicing) notes.push_back({start, end, pitch, humanVelocity(options.dynamics, start, random, shape)});
}

// Arpeggio figures as voice indices; an index past the top voice is that
// voice an octave up.
constexpr int kArpeggios[][8] = {
    {0, 1, 2, 3, 4, 5, 6, 7},
    {0, 1, 2, 3, 2, 1, 2, 3},
    {0, 2, 1, 3, 2, 4, 3, 5},
};

void arpeggioIntoBlock(std::vector<StepNote>& notes, const Segment& segment, const std::vector<int>& voicing,
                       const CompingOptions& options, SeededRandom& random) {
  const int length = segment.endStep - segment.startStep;
  if (length < 8) {
    strike(notes, voicing, segment.startStep, segment.endStep, options, random);
    return;
  }
  const int arpeggioSteps = length / 2;  // the first half climbs, the second half holds the chord
  const int blockStart = segment.startStep + arpeggioSteps;
  const auto& figure = kArpeggios[static_cast<std::size_t>(options.pattern) % std::size(kArpeggios)];
  const int voices = static_cast<int>(voicing.size());
  for (int i = 0; i < arpeggioSteps; ++i) {
    const int index = figure[i % 8];
    const int pitch = voicing[static_cast<std::size_t>(index % voices)] + 12 * (index / voices);
    // Each note rings on into the block chord, as under a sustain pedal.
    const int start = segment.startStep + i;
    notes.push_back({start, blockStart, pitch, humanVelocity(options.dynamics, start, random, -6 + i)});
  }
  strike(notes, voicing, blockStart, segment.endStep, options, random, 4);
}

// Swung stab rhythms over a bar: onset and length in steps, eighth-note onsets only.
const std::vector<std::vector<std::pair<int, int>>>& stabRhythms() {
  static const std::vector<std::vector<std::pair<int, int>>> rhythms = {
      {{0, 4}, {6, 2}, {8, 4}, {14, 2}},
      {{0, 6}, {6, 2}, {10, 6}},
      {{0, 2}, {6, 4}, {12, 2}, {14, 2}},
      {{0, 4}, {6, 6}, {12, 4}},
      {{0, 2}, {2, 4}, {8, 2}, {10, 4}},
  };
  return rhythms;
}

void swungEighths(std::vector<StepNote>& notes, const Segment& segment, const std::vector<int>& voicing,
                  const CompingOptions& options, SeededRandom& random) {
  const auto& rhythm = stabRhythms()[static_cast<std::size_t>(options.pattern) % stabRhythms().size()];
  const int barStart = segment.startStep / kStepsPerBar * kStepsPerBar;
  bool struckAtStart = false;
  std::vector<std::pair<int, int>> hits;
  for (const auto& [onset, length] : rhythm) {
    const int start = barStart + onset;
    if (start < segment.startStep || start >= segment.endStep) continue;
    struckAtStart = struckAtStart || start == segment.startStep;
    hits.push_back({start, std::min(start + length, segment.endStep)});
  }
  // Every chord is heard when it arrives.
  if (!struckAtStart) hits.insert(hits.begin(), {segment.startStep, std::min(segment.startStep + 2, segment.endStep)});
  for (const auto& [start, end] : hits) strike(notes, voicing, start, end, options, random);
}

// A voice struck again while it still rings is let go first: one key cannot
// sound twice.
void endOverlaps(std::vector<StepNote>& notes) {
  for (std::size_t i = 0; i < notes.size(); ++i)
    for (std::size_t j = i + 1; j < notes.size() && notes[j].startStep < notes[i].endStep; ++j)
      if (notes[j].pitch == notes[i].pitch && notes[j].startStep > notes[i].startStep)
        notes[i].endStep = notes[j].startStep;
}

}  // namespace

std::string compingStyleName(CompingStyle style) {
  switch (style) {
    case CompingStyle::ArpeggioIntoBlock: return "arpeggio into block";
    case CompingStyle::SwungEighths: return "swung eighths";
    case CompingStyle::HeldPads: return "held pads";
    case CompingStyle::Anticipations: return "anticipations";
  }
  return "?";
}

std::vector<std::vector<int>> voiceHarmony(const Harmony& harmony, const CompingOptions& options) {
  theory::VoicingOptions voicing;
  voicing.lowest = options.lowest;
  voicing.highest = options.highest;
  std::vector<std::vector<int>> voicings;
  for (const ChordChange& change : harmony.changes) {
    // A chord built on a root outside the key (a tritone substitute) is voiced
    // as a jazz pianist does: no root (the bass has it), its third, seventh
    // and colour tone, which are the tones it shares with the key.
    const bool chromaticRoot = !theory::contains(harmony.key, theory::rootPitchClass(change.chord));
    voicing.style = chromaticRoot ? theory::VoicingStyle::Rootless : options.voicing;
    voicing.maxVoices = chromaticRoot ? 3 : options.maxVoices;
    voicings.push_back(voicings.empty() ? theory::voiceChord(change.chord, voicing)
                                        : theory::voiceLead(change.chord, voicings.back(), voicing));
  }
  return voicings;
}

std::vector<StepNote> compChords(const Harmony& harmony, const CompingOptions& options, SeededRandom& random) {
  const std::vector<std::vector<int>> voicings = voiceHarmony(harmony, options);
  const std::vector<Segment> segments = segmentsByBar(harmony);
  std::vector<StepNote> notes;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& segment = segments[i];
    const std::vector<int>& voicing = voicings[segment.chord];
    switch (options.style) {
      case CompingStyle::ArpeggioIntoBlock: arpeggioIntoBlock(notes, segment, voicing, options, random); break;
      case CompingStyle::SwungEighths: swungEighths(notes, segment, voicing, options, random); break;
      case CompingStyle::HeldPads: strike(notes, voicing, segment.startStep, segment.endStep, options, random); break;
      case CompingStyle::Anticipations: {
        // A new chord is pushed an eighth ahead of its bar line and rings until the next push.
        const bool newChord = i == 0 || segments[i - 1].chord != segment.chord;
        const bool pushed = newChord && i > 0 && segment.startStep % kStepsPerBar == 0;
        const bool nextPushed = i + 1 < segments.size() && segments[i + 1].chord != segment.chord &&
                                segments[i + 1].startStep % kStepsPerBar == 0;
        const int start = pushed ? segment.startStep - 2 : segment.startStep;
        const int end = nextPushed ? segment.endStep - 2 : segment.endStep;
        strike(notes, voicing, start, end, options, random, pushed ? 6 : 0);
        break;
      }
    }
  }
  std::sort(notes.begin(), notes.end(), [](const StepNote& a, const StepNote& b) {
    return a.startStep != b.startStep ? a.startStep < b.startStep : a.pitch < b.pitch;
  });
  endOverlaps(notes);
  return notes;
}

}  // namespace lofi::composer
