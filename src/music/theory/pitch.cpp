#include "music/theory/pitch.h"

#include <array>

#include "music/theory/symbol_error.h"
#include "music/theory/symbol_reader.h"

namespace lofi::theory {
namespace {

constexpr std::array<int, 7> kNaturalPitchClass = {0, 2, 4, 5, 7, 9, 11};  // C D E F G A B
constexpr std::array<char, 7> kLetters = {'C', 'D', 'E', 'F', 'G', 'A', 'B'};

// Reads one accidental sign; returns its value and length, or 0 if none.
std::pair<int, std::size_t> readAccidental(std::string_view text) {
  if (text.starts_with("#")) return {1, 1};
  if (text.starts_with("b")) return {-1, 1};
  if (text.starts_with("\u266F")) return {1, 3};   // ♯
  if (text.starts_with("\u266D")) return {-1, 3};  // ♭
  return {0, 0};
}

}  // namespace

int pitchClassOf(int semitones) { return ((semitones % 12) + 12) % 12; }

int letterIndex(char letter) {
  for (int index = 0; index < 7; ++index)
    if (kLetters[static_cast<std::size_t>(index)] == letter) return index;
  return -1;
}

char letterAt(int index) { return kLetters[static_cast<std::size_t>(((index % 7) + 7) % 7)]; }

int pitchClass(NoteName name) {
  return pitchClassOf(kNaturalPitchClass[static_cast<std::size_t>(letterIndex(name.letter))] + name.accidental);
}

std::string toString(NoteName name) {
  std::string text(1, name.letter);
  for (int i = 0; i < name.accidental; ++i) text += '#';
  for (int i = 0; i > name.accidental; --i) text += 'b';
  return text;
}

std::optional<std::pair<NoteName, std::size_t>> readNoteName(std::string_view text) {
  if (text.empty() || letterIndex(text[0]) < 0) return std::nullopt;
  NoteName name{text[0], 0};
  std::size_t used = 1;
  for (int signs = 0; signs < 2; ++signs) {
    const auto [value, length] = readAccidental(text.substr(used));
    // A sharp after a flat (or the reverse) is not an accidental of this name.
    if (length == 0 || (name.accidental != 0 && (value > 0) != (name.accidental > 0))) break;
    name.accidental += value;
    used += length;
  }
  return std::make_pair(name, used);
}

NoteName parseNoteName(std::string_view text) {
  const std::string_view trimmedText = trimmed(text);
  const auto read = readNoteName(trimmedText);
  if (!read) throw SymbolError(std::string(text), quoted(firstCharacter(trimmedText)) + " is not a note name");
  if (read->second != trimmedText.size())
    throw SymbolError(std::string(text), "unexpected '" + std::string(trimmedText.substr(read->second)) +
                                             "' after the note name");
  return read->first;
}

NoteName spell(int pitchClass, Spelling spelling) {
  static constexpr std::array<NoteName, 12> sharps = {
      {{'C', 0}, {'C', 1}, {'D', 0}, {'D', 1}, {'E', 0}, {'F', 0}, {'F', 1}, {'G', 0}, {'G', 1}, {'A', 0}, {'A', 1},
       {'B', 0}}};
  static constexpr std::array<NoteName, 12> flats = {
      {{'C', 0}, {'D', -1}, {'D', 0}, {'E', -1}, {'E', 0}, {'F', 0}, {'G', -1}, {'G', 0}, {'A', -1}, {'A', 0},
       {'B', -1}, {'B', 0}}};
  const auto index = static_cast<std::size_t>(pitchClassOf(pitchClass));
  switch (spelling) {
    case Spelling::Sharps: return sharps[index];
    case Spelling::Flats: return flats[index];
    case Spelling::LeadSheet: return index == 6 ? sharps[index] : flats[index];
  }
  return sharps[index];
}

NoteName transpose(NoteName from, int letterSteps, int semitones) {
  const char letter = letterAt(letterIndex(from.letter) + letterSteps);
  const int natural = kNaturalPitchClass[static_cast<std::size_t>(letterIndex(letter))];
  // The accidental that lands on the wanted pitch class, kept within -6..+5.
  int accidental = pitchClassOf(pitchClass(from) + semitones - natural);
  if (accidental > 6) accidental -= 12;
  return {letter, accidental};
}

std::string midiNoteName(int midiNote, Spelling spelling) {
  return toString(spell(midiNote, spelling)) + std::to_string(midiNote / 12 - 1);
}

int parseMidiNote(std::string_view text) {
  const std::string symbol(text);
  const std::string_view trimmedText = trimmed(text);
  const auto read = readNoteName(trimmedText);
  if (!read) throw SymbolError(symbol, quoted(firstCharacter(trimmedText)) + " is not a note name");
  SymbolReader reader(trimmedText);
  reader.advance(read->second);
  const bool negative = reader.accept("-");
  const auto octave = reader.readNumber();
  if (!octave) reader.fail("a note needs an octave number, as in C4");
  if (!reader.atEnd()) reader.fail("unexpected '" + std::string(reader.rest()) + "' after the octave");
  const NoteName name = read->first;
  // B#3 is C4 and Cb4 is B3: the accidental moves across the octave boundary.
  const int letterPitch = kNaturalPitchClass[static_cast<std::size_t>(letterIndex(name.letter))];
  const int midiNote = (negative ? -*octave : *octave) * 12 + 12 + letterPitch + name.accidental;
  if (midiNote < 0 || midiNote > 127) reader.fail("outside the MIDI range C-1 to G9");
  return midiNote;
}

}  // namespace lofi::theory
