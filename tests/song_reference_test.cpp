// The three songs against their reference scores, note by note and chord by
// chord: ../shared/references/songs holds LilyPond sources compiled to MIDI,
// one track per staff (SOURCE.md there says where each comes from). Each
// arrangement re-times its reference in its own way; the mapping is written
// down here, and every note and chord of ours is looked up through it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "music/score_io.h"
#include "music/song.h"
#include "music/theory/chord_symbol.h"
#include "music/theory/pitch.h"
#include "music/transport_time.h"

namespace lofi {
namespace {

const std::filesystem::path kReferences = std::filesystem::path(LOFI_SHARED_DIR) / "references" / "songs";

constexpr double kEpsilon = 1e-6;  // quarters

// A point where the re-timing bends, inside one unit of time.
struct Corner {
  double reference = 0;
  double ours = 0;
};

// How an arrangement re-times its reference. From `referenceStart` (in
// quarters) on, every `referenceUnit` quarters of the reference are played
// over `ourUnit` quarters of ours, starting at our time zero; inside a unit,
// time moves piecewise linearly through `corners`, from (0, 0) to
// (referenceUnit, ourUnit).
class Retiming {
 public:
  Retiming(double referenceStart, double referenceUnit, double ourUnit, std::vector<Corner> corners)
      : referenceStart_(referenceStart),
        referenceUnit_(referenceUnit),
        ourUnit_(ourUnit),
        corners_(std::move(corners)) {}

  double toOurs(double reference) const { return map(reference - referenceStart_, false); }
  double toReference(double ours) const { return referenceStart_ + map(ours, true); }

 private:
  double map(double time, bool toReference) const {
    const double fromUnit = toReference ? ourUnit_ : referenceUnit_;
    const double toUnit = toReference ? referenceUnit_ : ourUnit_;
    const double unit = std::floor((time + kEpsilon) / fromUnit);
    const double inside = time - unit * fromUnit;
    for (std::size_t i = 0; i + 1 < corners_.size(); ++i) {
      const Corner& low = corners_[i];
      const Corner& high = corners_[i + 1];
      const double fromLow = toReference ? low.ours : low.reference;
      const double fromHigh = toReference ? high.ours : high.reference;
      const double toLow = toReference ? low.reference : low.ours;
      const double toHigh = toReference ? high.reference : high.ours;
      if (inside <= fromHigh + kEpsilon)
        return unit * toUnit + toLow + (inside - fromLow) * (toHigh - toLow) / (fromHigh - fromLow);
    }
    return (unit + 1) * toUnit;
  }

  double referenceStart_;
  double referenceUnit_;
  double ourUnit_;
  std::vector<Corner> corners_;
};

// Where one voice of ours (melody or bass) lives in the reference.
struct ReferenceVoice {
  std::vector<int> tracks;  // MIDI tracks of the reference that hold it
  bool complete = false;    // they hold this voice alone: we must play every note of theirs
  bool restrikes = false;   // we may strike a held reference note again
};

// One song's arrangement as the test reads it. No arrangement moves a voice
// by octaves: every pitch compares exactly.
struct Arrangement {
  std::string id;
  std::string referenceFile;
  Retiming retiming;
  ReferenceVoice melody;
  ReferenceVoice bass;
  bool melodyIsHarmony = false;  // the tune's notes are chord tones too (Bach's broken chords)
};

const Arrangement kArrangements[] = {
    // Satie's 3/4 bar becomes a 4/4 bar: beat one held for two beats,
    // beats two and three as they are. Treble and bass staves mix tune and
    // accompaniment, so neither is complete alone.
    {.id = "gymnopedie-1",
     .referenceFile = "gymnopedie-1.reference.mid",
     .retiming = Retiming(0, 3, 4, {{0, 0}, {1, 2}, {3, 4}}),
     .melody = {.tracks = {1}},
     .bass = {.tracks = {2}}},
    // Four times slower from Violin I's entry (bar 3): one chord of the
    // ground a bar. The bass strikes each ground note again on the "and" of
    // beat three, still inside the cello's note.
    {.id = "canon-in-d",
     .referenceFile = "canon-in-d.reference.mid",
     .retiming = Retiming(8, 1, 4, {{0, 0}, {1, 4}}),
     .melody = {.tracks = {1}, .complete = true},
     .bass = {.tracks = {4}, .complete = true, .restrikes = true}},
    // Bach's own time; the upper staff is our melody, the lower staff's
    // bass voice our bass (its tenor voice sits in our chords).
    {.id = "prelude-in-c",
     .referenceFile = "prelude-in-c.reference.mid",
     .retiming = Retiming(0, 4, 4, {{0, 0}, {4, 4}}),
     .melody = {.tracks = {1}, .complete = true},
     .bass = {.tracks = {2}},
     .melodyIsHarmony = true},
};

struct ReferenceNote {
  double start = 0;  // quarters
  double end = 0;
  int pitch = 0;
  int track = 0;
};

struct Reference {
  std::vector<ReferenceNote> notes;
  int beatsPerBar = 4;
};

Reference readReference(const std::filesystem::path& path) {
  const Score score = readScore(path.string());
  Reference reference;
  if (!score.timeSignatures.empty()) reference.beatsPerBar = score.timeSignatures.front().numerator;
  const double ticksPerQuarter = score.ticksPerQuarter;
  for (const Part& part : score.parts)
    for (const Note& note : part.notes)
      reference.notes.push_back(
          {note.startTick / ticksPerQuarter, note.endTick / ticksPerQuarter, note.pitch, part.sourceTrack});
  return reference;
}

bool near(double a, double b) { return std::abs(a - b) < kEpsilon; }

bool inTracks(const ReferenceNote& note, const std::vector<int>& tracks) {
  return std::find(tracks.begin(), tracks.end(), note.track) != tracks.end();
}

std::string noteName(int pitch) { return theory::midiNoteName(pitch); }

std::string pitchClassName(int pitchClass) {
  std::string name = noteName(pitchClass + 60);
  name.pop_back();  // the octave, "4"
  return name;
}

// "bar 17 beat 2" (counted from one, as a score does).
std::string referencePlace(double quarters, int beatsPerBar) {
  const int bar = static_cast<int>(std::floor((quarters + kEpsilon) / beatsPerBar));
  std::ostringstream out;
  out << "bar " << bar + 1 << " beat " << quarters - bar * beatsPerBar + 1;
  return out.str();
}

// Compares a song with its reference; each mismatch is one line naming our
// time (as the JSON writes it) and the reference's bar and beat.
class Comparison {
 public:
  Comparison(const Song& song, const Arrangement& arrangement, const Reference& reference)
      : song_(song), arrangement_(arrangement), reference_(reference) {}

  std::vector<std::string> run() {
    const std::set<const ReferenceNote*> melodyPlayed = checkVoice("melody", song_.melody, arrangement_.melody);
    checkVoice("bass", song_.bass, arrangement_.bass);
    for (const SongChord& chord : song_.chords) checkChord(chord, melodyPlayed);
    return mismatches_;
  }

 private:
  std::string ours(double quarters) const { return formatTransportTime(quarters, song_.beatsPerBar); }
  std::string theirs(double quarters) const { return referencePlace(quarters, reference_.beatsPerBar); }

  // The end of the sound a reference note starts: later notes of the same
  // pitch in the same tracks that begin before it stops carry it on (the
  // reference MIDI cuts a tied note where a chord strikes the same pitch).
  double soundingEnd(const ReferenceNote& first, const std::vector<int>& tracks) const {
    double end = first.end;
    for (bool extended = true; extended;) {
      extended = false;
      for (const ReferenceNote& note : reference_.notes)
        if (inTracks(note, tracks) && note.pitch == first.pitch && note.start <= end + kEpsilon &&
            note.end > end + kEpsilon) {
          end = note.end;
          extended = true;
        }
    }
    return end;
  }

  std::string whatSoundsAt(double at, const std::vector<int>& tracks) const {
    std::string names;
    for (const ReferenceNote& note : reference_.notes)
      if (inTracks(note, tracks) && note.start <= at + kEpsilon && note.end > at + kEpsilon)
        names += (names.empty() ? "" : " ") + noteName(note.pitch) + (near(note.start, at) ? "" : " (held)");
    return names.empty() ? "nothing" : names;
  }

  // Every note of ours is a note of the `source` tracks at the mapped time,
  // of the same pitch, and ends no later than the reference's sound does.
  // Returns the reference notes played.
  std::set<const ReferenceNote*> checkVoice(const std::string& voice, const SongTrack& track,
                                            const ReferenceVoice& source) {
    const std::vector<int>& tracks = source.tracks;
    std::set<const ReferenceNote*> played;
    for (const SongNote& note : track.notes) {
      const double start = arrangement_.retiming.toReference(note.startQuarters);
      const double end = arrangement_.retiming.toReference(note.startQuarters + note.durationQuarters);
      const ReferenceNote* match = nullptr;
      for (const ReferenceNote& candidate : reference_.notes)
        if (inTracks(candidate, tracks) && candidate.pitch == note.pitch && near(candidate.start, start))
          match = &candidate;
      if (!match && source.restrikes)
        for (const ReferenceNote& candidate : reference_.notes)
          if (inTracks(candidate, tracks) && candidate.pitch == note.pitch && candidate.start < start &&
              candidate.end > start + kEpsilon)
            match = &candidate;
      const std::string where =
          voice + " " + ours(note.startQuarters) + " " + noteName(note.pitch) + " (reference " + theirs(start) + "): ";
      if (!match) {
        mismatches_.push_back(where + "the reference plays " + whatSoundsAt(start, tracks));
        continue;
      }
      played.insert(match);
      const double soundEnd = soundingEnd(*match, tracks);
      if (end > soundEnd + kEpsilon)
        mismatches_.push_back(where + "held to " + ours(note.startQuarters + note.durationQuarters) +
                              ", past the reference's end at " + ours(arrangement_.retiming.toOurs(soundEnd)));
    }
    // A reference note is missing where no note of ours starts (a wrong note
    // in its place is reported once, above).
    if (source.complete) {
      std::vector<double> ourStarts;
      for (const SongNote& note : track.notes)
        ourStarts.push_back(arrangement_.retiming.toReference(note.startQuarters));
      const auto oursStartAt = [&](double at) {
        return std::any_of(ourStarts.begin(), ourStarts.end(), [&](double start) { return near(start, at); });
      };
      const double from = arrangement_.retiming.toReference(0);
      const double to = arrangement_.retiming.toReference(song_.bars * song_.beatsPerBar);
      for (const ReferenceNote& note : reference_.notes)
        if (inTracks(note, tracks) && note.start >= from - kEpsilon && note.start < to - kEpsilon &&
            !played.contains(&note) && !oursStartAt(note.start))
          mismatches_.push_back(voice + " " + ours(arrangement_.retiming.toOurs(note.start)) +
                                ": missing the reference's " + noteName(note.pitch) + " (" + theirs(note.start) + ")");
    }
    return played;
  }

  // A chord symbol matches the reference sounding over its span when
  //  - the lowest note sounding where it starts is the chord's bass;
  //  - every reference note in the span is a chord tone, but for the tune's
  //    own notes where the tune is not the harmony (Satie's A over Gmaj7,
  //    Pachelbel's passing notes), as long as they do not contradict the
  //    chord's third (a C# in the tune over Am);
  //  - every chord tone sounds in the span (the tune's notes count where
  //    they sound as the chord starts, not as passing notes after it), but
  //    for a two-voice span (Pachelbel's opening), whose third or fifth may
  //    be implied.
  void checkChord(const SongChord& chord, const std::set<const ReferenceNote*>& melodyPlayed) {
    const theory::ChordSymbol symbol = theory::parseChordSymbol(chord.symbol);
    const std::vector<int> tones = theory::pitchClasses(symbol);
    const int root = theory::rootPitchClass(symbol);
    int third = -1;  // semitones above the root; none for sus and power chords
    for (const theory::ChordTone& tone : theory::chordTones(symbol))
      if (tone.degree == 3) third = tone.semitones;
    const auto contradictsThird = [&](int pitchClass) {
      const int interval = (pitchClass - root + 12) % 12;
      return third >= 0 && (interval == 3 || interval == 4) && interval != third;
    };
    const double start = arrangement_.retiming.toReference(chord.startQuarters);
    const double end = arrangement_.retiming.toReference(chord.startQuarters + chord.durationQuarters);

    std::vector<std::string> problems;
    const ReferenceNote* lowest = nullptr;
    std::set<int> heard;
    std::set<int> foreign;
    std::string sounding;
    for (const ReferenceNote& note : reference_.notes) {
      if (note.start >= end - kEpsilon || note.end <= start + kEpsilon) continue;
      sounding += (sounding.empty() ? "" : " ") + noteName(note.pitch);
      const bool soundsAtStart = note.start <= start + kEpsilon;
      if (soundsAtStart && (!lowest || note.pitch < lowest->pitch)) lowest = &note;
      const bool tuneOnly = !arrangement_.melodyIsHarmony && melodyPlayed.contains(&note);
      if (!tuneOnly || soundsAtStart) heard.insert(note.pitch % 12);
      const bool mayLeaveTheChord = tuneOnly && !contradictsThird(note.pitch % 12);
      if (!mayLeaveTheChord && std::find(tones.begin(), tones.end(), note.pitch % 12) == tones.end())
        foreign.insert(note.pitch % 12);
    }
    if (!lowest)
      problems.push_back("nothing sounds where it starts");
    else if (lowest->pitch % 12 != theory::bassPitchClass(symbol))
      problems.push_back("the bass is " + noteName(lowest->pitch));
    if (!foreign.empty()) {
      std::string names;
      for (int pitchClass : foreign) names += (names.empty() ? "" : " ") + pitchClassName(pitchClass);
      problems.push_back(names + " not in the chord");
    }
    std::vector<int> missing;
    for (int tone : tones)
      if (!heard.contains(tone)) missing.push_back(tone);
    const bool impliedTriadTone = heard.size() == 2 && missing.size() == 1 && [&] {
      for (const theory::ChordTone& tone : theory::chordTones(symbol))
        if ((root + tone.semitones) % 12 == missing[0]) return tone.degree == 3 || tone.degree == 5;
      return false;
    }();
    if (!missing.empty() && !impliedTriadTone) {
      std::string names;
      for (int pitchClass : missing) names += (names.empty() ? "" : " ") + pitchClassName(pitchClass);
      problems.push_back(names + " not heard");
    }
    if (problems.empty()) return;
    std::string line = "chord " + ours(chord.startQuarters) + " " + chord.symbol + " (reference " + theirs(start) +
                       " to " + theirs(end) + ", sounding " + sounding + "):";
    for (const std::string& problem : problems) line += " " + problem + ";";
    mismatches_.push_back(line);
  }

  const Song& song_;
  const Arrangement& arrangement_;
  const Reference& reference_;
  std::vector<std::string> mismatches_;
};

const Arrangement& arrangementOf(const std::string& id) {
  for (const Arrangement& arrangement : kArrangements)
    if (arrangement.id == id) return arrangement;
  throw std::invalid_argument("no arrangement for " + id);
}

std::vector<std::string> compare(const Song& song) {
  const Arrangement& arrangement = arrangementOf(song.id);
  return Comparison(song, arrangement, readReference(kReferences / arrangement.referenceFile)).run();
}

bool referencesPresent() {
  for (const Arrangement& arrangement : kArrangements)
    if (!std::filesystem::exists(kReferences / arrangement.referenceFile)) return false;
  return true;
}

std::string listed(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += "  " + line + "\n";
  return text;
}

TEST(SongReference, RetimingMapsBothWays) {
  const Retiming waltz = arrangementOf("gymnopedie-1").retiming;
  EXPECT_DOUBLE_EQ(waltz.toOurs(4 * 3 + 1), 4 * 4 + 2);  // bar 5 beat 2 -> "4:2:0"
  EXPECT_DOUBLE_EQ(waltz.toOurs(4 * 3 + 0.5), 4 * 4 + 1);
  EXPECT_DOUBLE_EQ(waltz.toReference(4 * 4 + 3), 4 * 3 + 2);
  EXPECT_DOUBLE_EQ(waltz.toReference(20 * 4), 20 * 3);
  const Retiming canon = arrangementOf("canon-in-d").retiming;
  EXPECT_DOUBLE_EQ(canon.toOurs(8), 0);      // Violin I's entry is our first bar
  EXPECT_DOUBLE_EQ(canon.toOurs(24.5), 66);  // bar 7's second eighth: "16:2:0"
  EXPECT_DOUBLE_EQ(canon.toReference(2.5), 8.625);
  for (const Arrangement& arrangement : kArrangements)
    for (double ours : {0.0, 1.0, 2.5, 7.0, 33.25, 79.75})
      EXPECT_NEAR(arrangement.retiming.toOurs(arrangement.retiming.toReference(ours)), ours, kEpsilon)
          << arrangement.id;
}

// The comparison notices one wrong note and one wrong chord.
TEST(SongReference, ComparisonFindsAWrongNoteAndAWrongChord) {
  if (!referencesPresent()) GTEST_SKIP() << "reference scores not found at " << kReferences;
  Song song = loadSong("prelude-in-c");
  ASSERT_TRUE(compare(song).empty());
  song.melody.notes[5].pitch += 12;
  song.chords[1].symbol = "Dm7";  // Bach's bar 2 is over C
  const std::vector<std::string> mismatches = compare(song);
  ASSERT_EQ(mismatches.size(), 2u) << listed(mismatches);  // the E5 left unplayed is not counted again
  EXPECT_NE(mismatches[0].find("melody 0:1:3 E6"), std::string::npos) << mismatches[0];
  EXPECT_NE(mismatches[1].find("chord 1:0:0 Dm7"), std::string::npos) << mismatches[1];
  EXPECT_NE(mismatches[1].find("the bass is C4"), std::string::npos) << mismatches[1];
}

class SongAgainstReference : public testing::TestWithParam<std::string> {};

TEST_P(SongAgainstReference, EveryNoteAndChordMatches) {
  if (!referencesPresent()) GTEST_SKIP() << "reference scores not found at " << kReferences;
  const std::vector<std::string> mismatches = compare(loadSong(GetParam()));
  EXPECT_TRUE(mismatches.empty()) << GetParam() << ": " << mismatches.size() << " mismatches\n" << listed(mismatches);
}

INSTANTIATE_TEST_SUITE_P(SongReference, SongAgainstReference,
                         testing::Values("gymnopedie-1", "canon-in-d", "prelude-in-c"),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace lofi
