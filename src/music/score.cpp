#include "music/score.h"

#include <algorithm>
#include <array>

namespace lofi {

std::int64_t Score::endTick() const {
  std::int64_t end = 0;
  for (const Part& part : parts)
    for (const Note& note : part.notes) end = std::max(end, note.endTick);
  return end;
}

int Score::noteCount() const {
  int count = 0;
  for (const Part& part : parts) count += static_cast<int>(part.notes.size());
  return count;
}

TempoMap::TempoMap(const Score& score) {
  const double ticksPerQuarter = score.ticksPerQuarter;
  segments_.push_back({0, 0.0, 0.5 / ticksPerQuarter});
  for (const TempoChange& change : score.tempos) {
    const Segment& last = segments_.back();
    const double at = last.seconds + (change.tick - last.tick) * last.secondsPerTick;
    const double secondsPerTick = change.microsPerQuarter / 1e6 / ticksPerQuarter;
    if (change.tick == last.tick) {
      segments_.back().secondsPerTick = secondsPerTick;
    } else {
      segments_.push_back({change.tick, at, secondsPerTick});
    }
  }
}

double TempoMap::seconds(std::int64_t tick) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), tick,
                             [](std::int64_t t, const Segment& s) { return t < s.tick; });
  const Segment& segment = *(it == segments_.begin() ? it : std::prev(it));
  return segment.seconds + (tick - segment.tick) * segment.secondsPerTick;
}

const std::string& generalMidiName(int program) {
  static const std::array<std::string, 128> names = {
      "Acoustic Grand Piano", "Bright Acoustic Piano", "Electric Grand Piano", "Honky-tonk Piano",
      "Electric Piano 1", "Electric Piano 2", "Harpsichord", "Clavinet", "Celesta", "Glockenspiel",
      "Music Box", "Vibraphone", "Marimba", "Xylophone", "Tubular Bells", "Dulcimer", "Drawbar Organ",
      "Percussive Organ", "Rock Organ", "Church Organ", "Reed Organ", "Accordion", "Harmonica",
      "Tango Accordion", "Acoustic Guitar (nylon)", "Acoustic Guitar (steel)", "Electric Guitar (jazz)",
      "Electric Guitar (clean)", "Electric Guitar (muted)", "Overdriven Guitar", "Distortion Guitar",
      "Guitar Harmonics", "Acoustic Bass", "Electric Bass (finger)", "Electric Bass (pick)",
      "Fretless Bass", "Slap Bass 1", "Slap Bass 2", "Synth Bass 1", "Synth Bass 2", "Violin", "Viola",
      "Cello", "Contrabass", "Tremolo Strings", "Pizzicato Strings", "Orchestral Harp", "Timpani",
      "String Ensemble 1", "String Ensemble 2", "Synth Strings 1", "Synth Strings 2", "Choir Aahs",
      "Voice Oohs", "Synth Voice", "Orchestra Hit", "Trumpet", "Trombone", "Tuba", "Muted Trumpet",
      "French Horn", "Brass Section", "Synth Brass 1", "Synth Brass 2", "Soprano Sax", "Alto Sax",
      "Tenor Sax", "Baritone Sax", "Oboe", "English Horn", "Bassoon", "Clarinet", "Piccolo", "Flute",
      "Recorder", "Pan Flute", "Blown Bottle", "Shakuhachi", "Whistle", "Ocarina", "Lead 1 (square)",
      "Lead 2 (sawtooth)", "Lead 3 (calliope)", "Lead 4 (chiff)", "Lead 5 (charang)", "Lead 6 (voice)",
      "Lead 7 (fifths)", "Lead 8 (bass + lead)", "Pad 1 (new age)", "Pad 2 (warm)", "Pad 3 (polysynth)",
      "Pad 4 (choir)", "Pad 5 (bowed)", "Pad 6 (metallic)", "Pad 7 (halo)", "Pad 8 (sweep)",
      "FX 1 (rain)", "FX 2 (soundtrack)", "FX 3 (crystal)", "FX 4 (atmosphere)", "FX 5 (brightness)",
      "FX 6 (goblins)", "FX 7 (echoes)", "FX 8 (sci-fi)", "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba",
      "Bagpipe", "Fiddle", "Shanai", "Tinkle Bell", "Agogo", "Steel Drums", "Woodblock", "Taiko Drum",
      "Melodic Tom", "Synth Drum", "Reverse Cymbal", "Guitar Fret Noise", "Breath Noise", "Seashore",
      "Bird Tweet", "Telephone Ring", "Helicopter", "Applause", "Gunshot"};
  return names[static_cast<std::size_t>(std::clamp(program, 0, 127))];
}

}  // namespace lofi
