#include "music/timed/timed_encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "music/midi_folder.h"
#include "music/score_io.h"
#include "music/timed/timed_chords.h"

namespace lofi {
namespace {

using timed::TimedNote;

// A hand-made piece: times in units (a twelfth of a quarter) at any resolution.
struct Piece {
  int ticksPerQuarter = 480;
  std::vector<TimedNote> notes;  // onset, duration, pitch
  std::vector<std::pair<int, int>> tempos = {{0, 80}};  // unit, BPM
  std::vector<std::pair<int, timed::Meter>> meters = {{0, {4, 4}}};
  std::vector<std::pair<int, std::string>> markers;
  std::vector<std::pair<int, std::string>> texts;
};

std::int64_t ticks(const Piece& piece, std::int64_t units) { return units * piece.ticksPerQuarter / 12; }

Score scoreOf(const Piece& piece) {
  Score score;
  score.ticksPerQuarter = piece.ticksPerQuarter;
  for (const auto& [unit, bpm] : piece.tempos) score.tempos.push_back({ticks(piece, unit), 60'000'000 / bpm});
  for (const auto& [unit, meter] : piece.meters)
    score.timeSignatures.push_back({ticks(piece, unit), meter.numerator, meter.denominator});
  for (const auto& [unit, text] : piece.markers) score.labels.push_back({ticks(piece, unit), 0x06, text});
  for (const auto& [unit, text] : piece.texts) score.labels.push_back({ticks(piece, unit), 0x01, text});
  Part part;
  for (const TimedNote& note : piece.notes)
    part.notes.push_back({ticks(piece, note.onsetUnit), ticks(piece, note.onsetUnit + note.durationUnits), note.pitch,
                          90, 0});
  score.parts.push_back(part);
  return score;
}

// Through real MIDI bytes, as a file on disk would go.
midi::File midiOf(const Score& score) { return midi::parse(midi::serialize(midiFromScore(score)), "test.mid"); }

Tokens encode(const Score& score) { return TimedEncoding().encodeMidi(midiOf(score)); }
Tokens encode(const Piece& piece) { return encode(scoreOf(piece)); }

// tokens -> Score -> MIDI bytes -> tokens
Tokens throughMidi(const Tokens& tokens) { return encode(TimedEncoding().decode(tokens, DecodeOptions{})); }

std::string joined(const Tokens& tokens) {
  std::string text;
  for (const std::string& token : tokens) {
    if (!text.empty()) text += ' ';
    text += token;
  }
  return text;
}

std::vector<std::string> chordTokens(const Tokens& tokens) {
  std::vector<std::string> chords;
  for (const std::string& token : tokens)
    if (token.starts_with("chord_")) chords.push_back(token);
  return chords;
}

// The notes of a decoded score as (onset, duration, pitch) in units.
std::vector<TimedNote> notesOf(const Score& score) {
  std::vector<TimedNote> notes;
  for (const Part& part : score.parts)
    for (const Note& note : part.notes)
      notes.push_back({note.startTick * 12 / score.ticksPerQuarter,
                       static_cast<int>(note.durationTicks() * 12 / score.ticksPerQuarter), note.pitch});
  std::sort(notes.begin(), notes.end(), [](const TimedNote& a, const TimedNote& b) {
    return a.onsetUnit != b.onsetUnit ? a.onsetUnit < b.onsetUnit : a.pitch < b.pitch;
  });
  return notes;
}

Piece triplets() {
  Piece piece;
  piece.tempos = {{0, 90}};
  // Beat 1: eighth triplets; beat 2: a quarter triplet and sixteenths; beats 3-4: sixteenth run.
  piece.notes = {{0, 4, 60}, {4, 4, 62}, {8, 4, 64}, {12, 8, 65}, {20, 4, 67}, {24, 3, 69},
                 {27, 3, 71}, {30, 6, 72}, {36, 4, 74}, {40, 4, 72}, {44, 4, 71}, {48, 16, 60}};
  return piece;
}

Piece chordsAndRests() {
  Piece piece;
  piece.tempos = {{0, 75}};
  // A Dm7 with a long bass, a rest, a G7 stab, an empty bar, then Cmaj9 and a melody.
  piece.notes = {{0, 48, 38},  {0, 24, 53},  {0, 24, 57}, {0, 24, 60},  {0, 24, 64},  {36, 6, 55}, {36, 6, 59},
                 {36, 6, 65},  {36, 6, 43},  {96, 48, 36}, {96, 36, 52}, {96, 36, 55}, {96, 36, 59}, {96, 36, 62},
                 {108, 9, 74}, {117, 3, 72}, {120, 12, 71}};
  return piece;
}

Piece tiesAcrossBars() {
  Piece piece;
  piece.tempos = {{0, 85}};
  // Notes held over barlines: into the next bar, across a whole bar, two bars long.
  piece.notes = {{36, 24, 67}, {42, 48, 48}, {60, 12, 69}, {84, 96, 52}, {96, 33, 76}, {132, 72, 79}, {180, 15, 60}};
  return piece;
}

Piece severalTempiAndMeters() {
  Piece piece;
  piece.tempos = {{0, 70}, {96, 85}, {168, 120}};
  piece.meters = {{0, {4, 4}}, {96, {3, 4}}, {132, {6, 8}}, {168, {4, 4}}};
  piece.notes = {{0, 12, 60},  {24, 24, 64},  {48, 48, 67},  {96, 12, 62},  {108, 12, 65}, {120, 12, 69},
                 {132, 6, 60}, {138, 6, 62},  {144, 6, 64},  {150, 18, 65}, {168, 4, 67},  {172, 4, 69},
                 {176, 4, 71}, {180, 36, 72}, {216, 12, 48}};
  return piece;
}

TEST(TimedEncoding, IsRegisteredAsTimed) {
  const auto encoding = makeEncoding("timed");
  EXPECT_EQ(encoding->name(), "timed");
}

TEST(TimedEncoding, ASmallPieceGivesTheseTokens) {
  Piece piece;
  piece.notes = {{0, 12, 60}, {16, 4, 64}, {20, 4, 67}, {24, 24, 48}, {24, 24, 55}, {60, 3, 72}};
  piece.markers = {{0, "C"}, {48, "Am7"}};
  EXPECT_EQ(joined(encode(piece)),
            "start bar meter_4/4 tempo_80 pos_0 chord_C pitch_60 dur_12 pos_16 pitch_64 dur_4 pos_20 pitch_67 dur_4 "
            "pos_24 pitch_48 dur_24 pitch_55 dur_24 bar pos_0 chord_Am7 pos_12 pitch_72 dur_3 end");
}

TEST(TimedEncoding, StartAndEndTokensFrameEveryPiece) {
  for (const Piece& piece : {triplets(), chordsAndRests(), tiesAcrossBars(), severalTempiAndMeters()}) {
    const Tokens tokens = encode(piece);
    ASSERT_GE(tokens.size(), 2u);
    EXPECT_EQ(tokens.front(), "start");
    EXPECT_EQ(tokens.back(), "end");
    EXPECT_EQ(std::count(tokens.begin(), tokens.end(), "start"), 1);
    EXPECT_EQ(std::count(tokens.begin(), tokens.end(), "end"), 1);
  }
  EXPECT_EQ(joined(encode(Score{})), "start end");
}

TEST(TimedEncoding, QuantisedPiecesRoundTripExactly) {
  for (const Piece& piece : {triplets(), chordsAndRests(), tiesAcrossBars(), severalTempiAndMeters()}) {
    const Tokens tokens = encode(piece);
    EXPECT_EQ(throughMidi(tokens), tokens) << joined(tokens);
    // The decoded notes are the hand-made ones, to the unit.
    const Score decoded = TimedEncoding().decode(tokens, DecodeOptions{});
    auto expected = piece.notes;
    std::sort(expected.begin(), expected.end(), [](const TimedNote& a, const TimedNote& b) {
      return a.onsetUnit != b.onsetUnit ? a.onsetUnit < b.onsetUnit : a.pitch < b.pitch;
    });
    EXPECT_EQ(notesOf(decoded), expected);
  }
}

TEST(TimedEncoding, TripletsAndSixteenthsKeepTheirPositions) {
  const Tokens tokens = encode(triplets());
  for (const char* token : {"pos_4", "pos_8", "pos_20", "pos_27", "pos_44", "dur_4", "dur_8", "dur_3", "dur_16"})
    EXPECT_NE(std::find(tokens.begin(), tokens.end(), token), tokens.end()) << token;
}

TEST(TimedEncoding, TempoAndMeterChangesAppearAtTheirBars) {
  const Tokens tokens = encode(severalTempiAndMeters());
  const std::string text = joined(tokens);
  EXPECT_EQ(text.rfind("start bar meter_4/4 tempo_70 ", 0), 0u) << text;
  EXPECT_NE(text.find("bar meter_3/4 tempo_85 pos_0"), std::string::npos) << text;
  EXPECT_NE(text.find("bar meter_6/8 pos_0"), std::string::npos) << text;
  EXPECT_NE(text.find("bar meter_4/4 tempo_120 pos_0"), std::string::npos) << text;
  const Score decoded = TimedEncoding().decode(tokens, DecodeOptions{});
  ASSERT_EQ(decoded.tempos.size(), 3u);
  EXPECT_EQ(decoded.tempos[1].tick, 96 * 40);
  EXPECT_NEAR(decoded.tempos[1].bpm(), 85.0, 1e-3);
  ASSERT_EQ(decoded.timeSignatures.size(), 4u);
  EXPECT_EQ(decoded.timeSignatures[2], (TimeSignature{132 * 40, 6, 8}));
}

TEST(TimedEncoding, TheResolutionOfTheFileDoesNotMatter) {
  const Tokens reference = encode(triplets());
  for (int ticksPerQuarter : {96, 120, 192, 384, 960}) {
    Piece piece = triplets();
    piece.ticksPerQuarter = ticksPerQuarter;
    EXPECT_EQ(encode(piece), reference) << ticksPerQuarter;
  }
}

TEST(TimedEncoding, OffGridNotesSnapToTheNearestSixteenthOrTriplet) {
  Score score;
  score.ticksPerQuarter = 480;
  Part part;
  // 10 ticks late, a triplet 15 ticks early, a long note 20 ticks short, a note just before the barline.
  part.notes = {{10, 250, 60, 80, 0}, {305, 470, 62, 80, 0}, {480, 1420, 64, 80, 0}, {1910, 2150, 65, 80, 0}};
  score.parts.push_back(part);
  EXPECT_EQ(joined(encode(score)),
            "start bar meter_4/4 tempo_120 pos_0 chord_C pitch_60 dur_6 pos_8 pitch_62 dur_4 pos_12 pitch_64 dur_24 "
            "bar pos_0 pitch_65 dur_6 end");
}

TEST(TimedEncoding, NotesLongerThanEightQuartersAreCut) {
  Piece piece;
  piece.notes = {{0, 150, 60}};
  EXPECT_EQ(joined(encode(piece)), "start bar meter_4/4 tempo_80 pos_0 pitch_60 dur_96 end");
}

TEST(TimedEncoding, ARepeatedNoteEndsTheOneStillSounding) {
  // Straight from a Score: in a MIDI file the two C4s would pair their note-offs first in, first out.
  Piece piece;
  piece.notes = {{0, 48, 60}, {12, 6, 60}, {24, 12, 64}, {24, 6, 64}};  // and a doubled onset
  const Tokens tokens = timed::tokensFromPiece(timed::timedPieceFromScore(scoreOf(piece)));
  EXPECT_EQ(joined(tokens), "start bar meter_4/4 tempo_80 pos_0 pitch_60 dur_12 pos_12 pitch_60 dur_6 "
                            "pos_24 pitch_64 dur_12 end");
  EXPECT_EQ(throughMidi(tokens), tokens);
  // Struck again one unit later (a sixteenth, then a triplet), a note keeps
  // the shortest length, overlaps the next, and still pairs right through MIDI.
  piece.notes = {{3, 24, 62}, {4, 12, 62}};
  const Tokens close = timed::tokensFromPiece(timed::timedPieceFromScore(scoreOf(piece)));
  EXPECT_EQ(joined(close), "start bar meter_4/4 tempo_80 pos_3 pitch_62 dur_3 pos_4 pitch_62 dur_12 end");
  EXPECT_EQ(throughMidi(close), close);
}

TEST(TimedEncoding, DrumsAreDroppedAndOtherPartsMerged) {
  Score score = scoreOf(chordsAndRests());
  Part bass;
  bass.channel = 1;
  bass.program = 33;
  bass.notes = {{0, 960, 26, 90, 1}};
  Part drums;
  drums.channel = kDrumChannel;
  drums.isDrum = true;
  drums.notes = {{0, 60, 42, 100, kDrumChannel}, {480, 540, 46, 100, kDrumChannel}};
  score.parts.push_back(bass);
  score.parts.push_back(drums);
  const Tokens tokens = encode(score);
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "pitch_26"), tokens.end());
  EXPECT_EQ(std::find(tokens.begin(), tokens.end(), "pitch_42"), tokens.end());
  EXPECT_EQ(std::find(tokens.begin(), tokens.end(), "pitch_46"), tokens.end());
  const Score decoded = TimedEncoding().decode(tokens, DecodeOptions{});
  ASSERT_EQ(decoded.parts.size(), 1u);
  EXPECT_EQ(decoded.parts[0].notes.size(), chordsAndRests().notes.size() + 1);
}

TEST(TimedEncoding, ChordLabelsFromMarkersWinOverDetection) {
  Piece piece;
  // The notes alone would read as C then G; the labels say Am7 and G7sus4.
  piece.notes = {{0, 48, 48}, {0, 48, 64}, {0, 48, 67}, {48, 48, 43}, {48, 48, 59}, {48, 48, 62}};
  EXPECT_EQ(chordTokens(encode(piece)), (std::vector<std::string>{"chord_C", "chord_G"}));
  piece.markers = {{0, "Am7"}, {48, "G7sus4"}};
  const Tokens tokens = encode(piece);
  EXPECT_EQ(chordTokens(tokens), (std::vector<std::string>{"chord_Am7", "chord_G7sus4"}));
  // The decoded file keeps them as markers.
  const Score decoded = TimedEncoding().decode(tokens, DecodeOptions{});
  ASSERT_EQ(decoded.labels.size(), 2u);
  EXPECT_EQ(decoded.labels[0], (TextLabel{0, 0x06, "Am7"}));
  EXPECT_EQ(decoded.labels[1], (TextLabel{48 * 40, 0x06, "G7sus4"}));
  EXPECT_EQ(throughMidi(tokens), tokens);
}

TEST(TimedEncoding, ChordLabelsFromTextEventsAndTheirSpellings) {
  Piece piece;
  piece.notes = {{0, 48, 49}, {0, 48, 56}, {0, 48, 64}, {48, 48, 54}, {48, 48, 61}, {48, 48, 69}};
  piece.texts = {{0, "chord: C#m"}, {48, " F#m7 "}, {96, "By J. Smith"}};
  EXPECT_EQ(chordTokens(encode(piece)), (std::vector<std::string>{"chord_Dbm", "chord_F#m7"}));
}

TEST(TimedEncoding, RepeatedAndNoChordLabels) {
  Piece piece;
  piece.notes = {{0, 12, 60}, {48, 12, 64}, {96, 12, 67}, {144, 12, 72}};
  piece.markers = {{0, "C"}, {48, "C"}, {96, "N.C."}, {144, "Cmaj7"}};
  const Tokens tokens = encode(piece);
  EXPECT_EQ(chordTokens(tokens), (std::vector<std::string>{"chord_C", "chord_NC", "chord_Cmaj7"}));
  const Score decoded = TimedEncoding().decode(tokens, DecodeOptions{});
  EXPECT_EQ(decoded.labels[1].text, "N.C.");
  EXPECT_EQ(throughMidi(tokens), tokens);
}

TEST(TimedEncoding, LabelsThatDoNotFitTheNotesAreIgnored) {
  // Rehearsal letters "A" and "B" over C major and G major music.
  Piece piece;
  piece.notes = {{0, 96, 48}, {0, 96, 64}, {0, 96, 67}, {96, 96, 43}, {96, 96, 62}, {96, 96, 71}};
  piece.markers = {{0, "A"}, {96, "Bb"}};
  EXPECT_EQ(chordTokens(encode(piece)), (std::vector<std::string>{"chord_C", "chord_G"}));
}

TEST(TimedEncoding, DetectionNamesTriadsAndSevenths) {
  Piece piece;
  // One chord a bar, whole notes: C, Am, Dm7, G7, Fmaj7 (first inversion), Bm7b5, E7, Am.
  const std::vector<std::vector<int>> bars = {{48, 52, 55, 60}, {45, 52, 57, 60}, {50, 57, 60, 65}, {43, 53, 59, 62},
                                              {45, 53, 60, 64}, {47, 57, 62, 65}, {40, 56, 59, 62}, {45, 60, 64, 69}};
  for (std::size_t bar = 0; bar < bars.size(); ++bar)
    for (int pitch : bars[bar]) piece.notes.push_back({static_cast<std::int64_t>(bar) * 48, 48, pitch});
  EXPECT_EQ(chordTokens(encode(piece)),
            (std::vector<std::string>{"chord_C", "chord_Am", "chord_Dm7", "chord_G7", "chord_Fmaj7", "chord_Bm7b5",
                                      "chord_E7", "chord_Am"}));
}

TEST(TimedEncoding, DetectionFollowsHalfBarsAndIgnoresPassingTones) {
  Piece piece;
  // C for two beats, F for two beats; then a held C chord under an eighth-note melody with passing tones.
  piece.notes = {{0, 24, 48}, {0, 24, 52}, {0, 24, 55}, {24, 24, 53}, {24, 24, 57}, {24, 24, 60},
                 {48, 48, 48}, {48, 48, 52}, {48, 48, 55}};
  const int melody[] = {72, 74, 76, 77, 79, 77, 76, 74};
  for (int i = 0; i < 8; ++i) piece.notes.push_back({48 + i * 6, 6, melody[i]});
  const Tokens tokens = encode(piece);
  EXPECT_EQ(chordTokens(tokens), (std::vector<std::string>{"chord_C", "chord_F", "chord_C"}));
  EXPECT_NE(joined(tokens).find("pos_24 chord_F"), std::string::npos);
}

TEST(TimedEncoding, DetectionKeepsTheChordWhenOnlyItsOwnTonesRemain) {
  Piece piece;
  // Am7 for half a bar, then the left hand alone plays A and E.
  piece.notes = {{0, 24, 45}, {0, 24, 60}, {0, 24, 64}, {0, 24, 67}, {24, 24, 45}, {24, 24, 52}};
  EXPECT_EQ(chordTokens(encode(piece)), (std::vector<std::string>{"chord_Am7"}));
}

TEST(TimedEncoding, LeadingRestsAndEmptyBarsAreKept) {
  Piece piece;
  piece.notes = {{60, 12, 60}, {192, 12, 62}};
  const Tokens tokens = encode(piece);
  EXPECT_EQ(joined(tokens),
            "start bar meter_4/4 tempo_80 bar pos_12 pitch_60 dur_12 bar bar bar pos_0 pitch_62 dur_12 end");
  EXPECT_EQ(throughMidi(tokens), tokens);
}

TEST(TimedEncoding, DecodingUsesTheOptionsForWhatTokensLeaveOut) {
  DecodeOptions options;
  options.velocity = 64;
  options.program = 4;
  options.bpm = 72;
  const Score score = TimedEncoding().decode({"start", "bar", "pos_0", "pitch_60", "dur_12"}, options);
  ASSERT_EQ(score.parts.size(), 1u);
  EXPECT_EQ(score.parts[0].program, 4);
  EXPECT_EQ(score.parts[0].notes[0].velocity, 64);
  ASSERT_EQ(score.tempos.size(), 1u);
  EXPECT_NEAR(score.tempos[0].bpm(), 72.0, 1e-3);
  // A missing `end` is a fragment, decoded as far as it goes.
  EXPECT_EQ(score.parts[0].notes[0].endTick, 480);
}

TEST(TimedEncoding, ChordTokensAreCanonical) {
  EXPECT_EQ(timed::chordToken(theory::parseChordSymbol("C#m7")), "chord_Dbm7");
  EXPECT_EQ(timed::chordToken(theory::parseChordSymbol("Gbmaj7/Bb")), "chord_F#maj7/Bb");
  EXPECT_EQ(timed::noChordToken(), "chord_NC");
  // A decoder reads chords however they are spelled.
  const Score score =
      TimedEncoding().decode({"start", "bar", "pos_0", "chord_C#m7", "pos_24", "chord_CMaj7"}, DecodeOptions{});
  ASSERT_EQ(score.labels.size(), 2u);
  EXPECT_EQ(score.labels[0].text, "Dbm7");
  EXPECT_EQ(score.labels[1].text, "Cmaj7");
}

TEST(TimedEncoding, TheFixedVocabularyHoldsEveryNonChordToken) {
  const auto vocabulary = timed::fixedVocabulary();
  const std::set<std::string> known(vocabulary.begin(), vocabulary.end());
  EXPECT_EQ(known.size(), vocabulary.size());
  // start end bar, 62 meters, 43 tempi, 48 positions, 128 pitches, 24 lengths.
  EXPECT_EQ(vocabulary.size(), 3u + 62 + 43 + 48 + 128 + 24);
  for (const char* token : {"start", "end", "bar", "meter_4/4", "meter_6/8", "meter_7/8", "meter_8/4", "tempo_30",
                            "tempo_240", "pos_0", "pos_93", "pitch_0", "pitch_127", "dur_3", "dur_96"})
    EXPECT_EQ(known.count(token), 1u) << token;
  for (const char* token : {"meter_9/4", "meter_4/3", "tempo_33", "pos_2", "pos_96", "pitch_128", "dur_5"})
    EXPECT_EQ(known.count(token), 0u) << token;
  for (const Piece& piece : {triplets(), chordsAndRests(), tiesAcrossBars(), severalTempiAndMeters()})
    for (const std::string& token : encode(piece))
      if (!token.starts_with("chord_")) {
        EXPECT_EQ(known.count(token), 1u) << token;
      }
}

// The message of the error that decoding `tokens` raises.
std::string decodeError(const Tokens& tokens) {
  try {
    TimedEncoding().decode(tokens, DecodeOptions{});
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  ADD_FAILURE() << "decoded: " << joined(tokens);
  return "";
}

TEST(TimedEncoding, BadTokensNameTheTokenAndIndex) {
  const Tokens head = {"start", "bar", "meter_4/4", "tempo_80", "pos_0"};
  const auto with = [&](std::initializer_list<std::string> more) {
    Tokens tokens = head;
    tokens.insert(tokens.end(), more);
    return tokens;
  };
  EXPECT_EQ(decodeError(with({"foo"})), "timed token 5 'foo': unknown token");
  EXPECT_EQ(decodeError(with({"pitch_60", "dur_5"})).rfind("timed token 6 'dur_5': unknown token", 0), 0u);
  EXPECT_EQ(decodeError(with({"pitch_128"})).rfind("timed token 5 'pitch_128': unknown token", 0), 0u);
  EXPECT_EQ(decodeError(with({"pos_2"})).rfind("timed token 5 'pos_2': unknown token", 0), 0u);
  EXPECT_EQ(decodeError(with({"pos_012"})).rfind("timed token 5 'pos_012': unknown token", 0), 0u);
  EXPECT_EQ(decodeError(with({"bar", "tempo_33"})).rfind("timed token 6 'tempo_33': unknown token", 0), 0u);
  EXPECT_EQ(decodeError(with({"bar", "meter_4/3"})).rfind("timed token 6 'meter_4/3': unknown token", 0), 0u);
  EXPECT_EQ(decodeError(with({"chord_Hm7"})),
            "timed token 5 'chord_Hm7': unknown chord: 'Hm7': 'H' is not a note name");
  EXPECT_EQ(decodeError({"bar", "pos_0"}), "timed token 0 'bar': expected 'start' first");
  EXPECT_EQ(decodeError({}), "timed token 0 '': expected 'start'");
  EXPECT_EQ(decodeError(with({"pitch_60", "pos_12"})),
            "timed token 5 'pitch_60': the pitch has no duration after it (found 'pos_12')");
  EXPECT_EQ(decodeError(with({"pitch_60"})), "timed token 5 'pitch_60': the pitch has no duration after it");
  EXPECT_EQ(decodeError(with({"dur_12"})), "timed token 5 'dur_12': a duration must follow a pitch");
  EXPECT_EQ(decodeError({"start", "pos_0"}), "timed token 1 'pos_0': a position before the first 'bar'");
  EXPECT_EQ(decodeError({"start", "bar", "pitch_60", "dur_12"}),
            "timed token 2 'pitch_60': a pitch needs a 'pos_N' before it in its bar");
  EXPECT_EQ(decodeError(with({"pos_12", "pos_12"})),
            "timed token 6 'pos_12': positions must rise within a bar (this bar is already at pos_12)");
  EXPECT_EQ(decodeError({"start", "bar", "meter_3/4", "pos_36"}),
            "timed token 3 'pos_36': past the end of a 3/4 bar (positions below 36)");
  EXPECT_EQ(decodeError(with({"meter_3/4"})),
            "timed token 5 'meter_3/4': a meter must come right after 'bar', before any position");
  EXPECT_EQ(decodeError(with({"end", "bar"})), "timed token 6 'bar': nothing may follow 'end'");
  EXPECT_EQ(decodeError(with({"start"})), "timed token 5 'start': 'start' may come only once");
  EXPECT_EQ(decodeError(with({"chord_C", "chord_F"})), "timed token 6 'chord_F': a second chord at one position");
}

TEST(TimedEncoding, APieceTooLongIsRefusedNotLaidOut) {
  Score score;
  Part part;
  part.notes = {{0, 480, 60, 80, 0}, {std::int64_t{1} << 40, (std::int64_t{1} << 40) + 480, 62, 80, 0}};
  score.parts.push_back(part);
  EXPECT_THROW(timed::timedPieceFromScore(score), std::length_error);
}

TEST(TimedEncoding, EveryCorpusFileEncodesAndRoundTrips) {
  const std::filesystem::path folder = std::filesystem::path(LOFI_SHARED_DIR) / "corpora/piano-composer/midi";
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
  const TimedEncoding encoding;
  std::size_t files = 0;
  std::size_t tokenCount = 0;
  std::set<std::string> vocabulary;
  for (const std::string& path : listMidiFiles(folder.string())) {
    SCOPED_TRACE(path);
    Tokens tokens;
    ASSERT_NO_THROW(tokens = encoding.encodeMidi(midi::readFile(path)));
    ASSERT_GE(tokens.size(), 3u);
    EXPECT_EQ(tokens.front(), "start");
    EXPECT_EQ(tokens.back(), "end");
    EXPECT_FALSE(chordTokens(tokens).empty());
    EXPECT_EQ(throughMidi(tokens), tokens);
    ++files;
    tokenCount += tokens.size();
    vocabulary.insert(tokens.begin(), tokens.end());
  }
  EXPECT_EQ(files, 92u);
  std::printf("timed: %zu files, %zu tokens, vocabulary %zu\n", files, tokenCount, vocabulary.size());
}

}  // namespace
}  // namespace lofi
