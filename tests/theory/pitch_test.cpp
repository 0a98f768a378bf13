#include "music/theory/pitch.h"

#include <gtest/gtest.h>

#include "music/theory/symbol_error.h"

namespace lofi::theory {
namespace {

TEST(Pitch, PitchClassOfSpelledNames) {
  EXPECT_EQ(pitchClass({'C', 0}), 0);
  EXPECT_EQ(pitchClass({'C', 1}), 1);
  EXPECT_EQ(pitchClass({'D', -1}), 1);
  EXPECT_EQ(pitchClass({'B', 1}), 0);
  EXPECT_EQ(pitchClass({'C', -1}), 11);
  EXPECT_EQ(pitchClass({'F', -2}), 3);
  EXPECT_EQ(pitchClass({'E', 2}), 6);
  EXPECT_EQ(pitchClass({'A', 0}), 9);
}

TEST(Pitch, PitchClassOfWrapsAnyInteger) {
  EXPECT_EQ(pitchClassOf(-1), 11);
  EXPECT_EQ(pitchClassOf(-12), 0);
  EXPECT_EQ(pitchClassOf(25), 1);
  EXPECT_EQ(pitchClassOf(60), 0);
}

TEST(Pitch, LettersWrap) {
  EXPECT_EQ(letterIndex('C'), 0);
  EXPECT_EQ(letterIndex('B'), 6);
  EXPECT_EQ(letterIndex('H'), -1);
  EXPECT_EQ(letterAt(7), 'C');
  EXPECT_EQ(letterAt(-1), 'B');
  EXPECT_EQ(letterAt(4), 'G');
}

TEST(Pitch, NamesPrintWithTheirAccidentals) {
  EXPECT_EQ(toString(NoteName{'F', 1}), "F#");
  EXPECT_EQ(toString(NoteName{'E', -1}), "Eb");
  EXPECT_EQ(toString(NoteName{'B', -2}), "Bbb");
  EXPECT_EQ(toString(NoteName{'F', 2}), "F##");
  EXPECT_EQ(toString(NoteName{'G', 0}), "G");
}

TEST(Pitch, ReadNoteNameStopsWhereTheNameEnds) {
  auto read = readNoteName("Ebdim7");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->first, (NoteName{'E', -1}));
  EXPECT_EQ(read->second, 2u);

  read = readNoteName("C");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->second, 1u);

  read = readNoteName("Bbb7");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->first, (NoteName{'B', -2}));

  read = readNoteName("C#b");  // a flat after a sharp belongs to what follows
  ASSERT_TRUE(read);
  EXPECT_EQ(read->first, (NoteName{'C', 1}));
  EXPECT_EQ(read->second, 2u);

  read = readNoteName("B\u266D7");  // B♭7
  ASSERT_TRUE(read);
  EXPECT_EQ(read->first, (NoteName{'B', -1}));
  EXPECT_EQ(read->second, 4u);

  EXPECT_FALSE(readNoteName("c"));
  EXPECT_FALSE(readNoteName("H"));
  EXPECT_FALSE(readNoteName(""));
}

TEST(Pitch, ParseNoteNameReadsTheWholeText) {
  EXPECT_EQ(parseNoteName(" Ab "), (NoteName{'A', -1}));
  EXPECT_EQ(parseNoteName("F\u266F"), (NoteName{'F', 1}));
  try {
    parseNoteName("H");
    FAIL() << "H is no note name";
  } catch (const SymbolError& error) {
    EXPECT_STREQ(error.what(), "'H': 'H' is not a note name");
    EXPECT_EQ(error.symbol(), "H");
  }
  EXPECT_THROW(parseNoteName("C#x"), SymbolError);
  EXPECT_THROW(parseNoteName(""), SymbolError);
  EXPECT_THROW(parseNoteName("C#x"), std::invalid_argument);
}

TEST(Pitch, SpellEveryPitchClass) {
  const char* leadSheet[] = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
  const char* sharps[] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
  const char* flats[] = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
  for (int pitch = 0; pitch < 12; ++pitch) {
    EXPECT_EQ(toString(spell(pitch)), leadSheet[pitch]);
    EXPECT_EQ(toString(spell(pitch, Spelling::Sharps)), sharps[pitch]);
    EXPECT_EQ(toString(spell(pitch, Spelling::Flats)), flats[pitch]);
    EXPECT_EQ(pitchClass(spell(pitch, Spelling::Sharps)), pitch);
  }
  EXPECT_EQ(toString(spell(-1)), "B");
  EXPECT_EQ(toString(spell(13)), "Db");
}

TEST(Pitch, TransposeSpellsIntervalsByLetter) {
  EXPECT_EQ(toString(transpose({'E', 0}, 2, 4)), "G#");  // major third
  EXPECT_EQ(toString(transpose({'F', 0}, 3, 5)), "Bb");  // fourth
  EXPECT_EQ(toString(transpose({'E', -1}, 4, 7)), "Bb");
  EXPECT_EQ(toString(transpose({'B', 0}, 2, 4)), "D#");
  EXPECT_EQ(toString(transpose({'C', 0}, 1, 1)), "Db");
  EXPECT_EQ(toString(transpose({'D', -1}, 6, 11)), "C");
  EXPECT_EQ(toString(transpose({'G', -1}, 6, 10)), "Fb");
  EXPECT_EQ(toString(transpose({'A', 1}, 2, 4)), "C##");
}

TEST(Pitch, MidiNoteNames) {
  EXPECT_EQ(midiNoteName(60), "C4");
  EXPECT_EQ(midiNoteName(61), "C#4");
  EXPECT_EQ(midiNoteName(61, Spelling::Flats), "Db4");
  EXPECT_EQ(midiNoteName(0), "C-1");
  EXPECT_EQ(midiNoteName(127), "G9");
  EXPECT_EQ(midiNoteName(59), "B3");
}

TEST(Pitch, ParseMidiNotes) {
  EXPECT_EQ(parseMidiNote("C4"), 60);
  EXPECT_EQ(parseMidiNote("Bb3"), 58);
  EXPECT_EQ(parseMidiNote("C-1"), 0);
  EXPECT_EQ(parseMidiNote("G9"), 127);
  EXPECT_EQ(parseMidiNote("B#3"), 60);
  EXPECT_EQ(parseMidiNote("Cb4"), 59);
  for (int note = 0; note < 128; ++note) EXPECT_EQ(parseMidiNote(midiNoteName(note)), note);
}

TEST(Pitch, BadMidiNotesNameTheProblem) {
  EXPECT_THROW(parseMidiNote("H4"), SymbolError);
  try {
    parseMidiNote("C");
    FAIL();
  } catch (const SymbolError& error) {
    EXPECT_NE(std::string(error.what()).find("octave"), std::string::npos) << error.what();
  }
  EXPECT_THROW(parseMidiNote("C4x"), SymbolError);
  try {
    parseMidiNote("G#9");
    FAIL();
  } catch (const SymbolError& error) {
    EXPECT_NE(std::string(error.what()).find("MIDI range"), std::string::npos) << error.what();
  }
  EXPECT_THROW(parseMidiNote("C-2"), SymbolError);
}

}  // namespace
}  // namespace lofi::theory
