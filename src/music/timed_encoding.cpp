#include "music/timed_encoding.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "music/score_io.h"
#include "music/theory/symbol_error.h"
#include "music/timed_chords.h"

namespace lofi::timed {
namespace {

constexpr std::string_view kMeterPrefix = "meter_";
constexpr std::string_view kTempoPrefix = "tempo_";
constexpr std::string_view kPositionPrefix = "pos_";
constexpr std::string_view kPitchPrefix = "pitch_";
constexpr std::string_view kDurationPrefix = "dur_";
constexpr std::string_view kChordPrefix = "chord_";

// A whole number written the one canonical way: digits, no sign, no leading zero.
std::optional<int> parseCount(std::string_view text) {
  if (text.empty() || text.size() > 6 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<Meter> parseMeter(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto numerator = parseCount(text.substr(0, slash));
  const auto denominator = parseCount(text.substr(slash + 1));
  if (!numerator || !denominator) return std::nullopt;
  const Meter meter{*numerator, *denominator};
  if (!isSupported(meter)) return std::nullopt;
  return meter;
}

// The events of one bar, grouped by position: the chord first, then the notes by pitch.
struct PositionEvents {
  const TimedChord* chord = nullptr;
  std::vector<const TimedNote*> notes;
};

void appendBar(Tokens& tokens, const std::map<int, PositionEvents>& events) {
  for (const auto& [position, at] : events) {
    tokens.push_back(positionToken(position));
    if (at.chord) tokens.push_back(std::string(kChordPrefix) + at.chord->symbol);
    for (const TimedNote* note : at.notes) {
      tokens.push_back(pitchToken(note->pitch));
      tokens.push_back(durationToken(note->durationUnits));
    }
  }
}

// Reads tokens left to right, checking the grammar:
//   start (bar [meter] [tempo] (pos [chord] (pitch dur)*)*)* [end]
class TokenReader {
 public:
  TokenReader(const Tokens& tokens, double defaultBpm) : tokens_(tokens), bpm_(defaultBpm) {}

  TimedPiece read() {
    for (index_ = 0; index_ < tokens_.size(); ++index_) readToken(tokens_[index_]);
    if (pendingPitch_) fail(index_ - 1, "the pitch has no duration after it");
    if (!started_) failAt(0, "expected 'start'", "");
    // Notes of one position may come in any order; the piece keeps them by onset, then pitch.
    std::stable_sort(piece_.notes.begin(), piece_.notes.end(), [](const TimedNote& a, const TimedNote& b) {
      return a.onsetUnit != b.onsetUnit ? a.onsetUnit < b.onsetUnit : a.pitch < b.pitch;
    });
    return std::move(piece_);
  }

 private:
  void readToken(const std::string& token) {
    if (ended_) fail(index_, "nothing may follow 'end'");
    if (!started_) {
      if (token != kStartToken) fail(index_, "expected 'start' first");
      started_ = true;
      return;
    }
    if (pendingPitch_ && !token.starts_with(kDurationPrefix))
      fail(index_ - 1, "the pitch has no duration after it (found '" + token + "')");
    if (token == kStartToken) fail(index_, "'start' may come only once");
    else if (token == kEndToken) ended_ = true;
    else if (token == kBarToken) startBar();
    else if (token.starts_with(kMeterPrefix)) readMeter(token.substr(kMeterPrefix.size()));
    else if (token.starts_with(kTempoPrefix)) readTempo(token.substr(kTempoPrefix.size()));
    else if (token.starts_with(kPositionPrefix)) readPosition(token.substr(kPositionPrefix.size()));
    else if (token.starts_with(kChordPrefix)) readChord(token.substr(kChordPrefix.size()));
    else if (token.starts_with(kPitchPrefix)) readPitch(token.substr(kPitchPrefix.size()));
    else if (token.starts_with(kDurationPrefix)) readDuration(token.substr(kDurationPrefix.size()));
    else fail(index_, "unknown token");
  }

  void startBar() {
    if (!piece_.bars.empty()) barStart_ += piece_.bars.back().meter.barUnits();
    piece_.bars.push_back({meter_, bpm_});
    position_.reset();
  }

  void requireBarHead(const char* what) {
    if (piece_.bars.empty()) fail(index_, std::string(what) + " before the first 'bar'");
    if (position_) fail(index_, std::string(what) + " must come right after 'bar', before any position");
  }

  void readMeter(std::string_view value) {
    const auto meter = parseMeter(value);
    if (!meter) fail(index_, "unknown token: meters are N/D with D a power of two and bars of at most 8 quarters");
    requireBarHead("a meter");
    meter_ = *meter;
    piece_.bars.back().meter = meter_;
  }

  void readTempo(std::string_view value) {
    const auto bpm = parseCount(value);
    if (!bpm || *bpm < kMinBpm || *bpm > kMaxBpm || *bpm % kBpmStep != 0)
      fail(index_, "unknown token: tempos are " + std::to_string(kMinBpm) + "-" + std::to_string(kMaxBpm) +
                       " BPM in steps of " + std::to_string(kBpmStep));
    requireBarHead("a tempo");
    bpm_ = *bpm;
    piece_.bars.back().bpm = bpm_;
  }

  void readPosition(std::string_view value) {
    const auto position = parseCount(value);
    if (!position || !isOnsetPosition(*position) || *position >= kMaxBarUnits)
      fail(index_, "unknown token: positions are multiples of 3 or 4 below " + std::to_string(kMaxBarUnits));
    if (piece_.bars.empty()) fail(index_, "a position before the first 'bar'");
    const Meter meter = piece_.bars.back().meter;
    if (*position >= meter.barUnits())
      fail(index_, "past the end of a " + toString(meter) + " bar (positions below " +
                       std::to_string(meter.barUnits()) + ")");
    if (position_ && *position <= *position_)
      fail(index_, "positions must rise within a bar (this bar is already at pos_" + std::to_string(*position_) + ")");
    position_ = *position;
    chordHere_ = false;
  }

  void requirePosition(const char* what) {
    if (!position_) fail(index_, std::string(what) + " needs a 'pos_N' before it in its bar");
  }

  void readChord(std::string_view value) {
    requirePosition("a chord");
    if (chordHere_) fail(index_, "a second chord at one position");
    std::string symbol;
    if (value == kNoChord) {
      symbol = kNoChord;
    } else {
      try {
        symbol = theory::toString(theory::respelled(theory::parseChordSymbol(value)));
      } catch (const theory::SymbolError& error) {
        fail(index_, std::string("unknown chord: ") + error.what());
      }
    }
    chordHere_ = true;
    piece_.chords.push_back({barStart_ + *position_, symbol});
  }

  void readPitch(std::string_view value) {
    const auto pitch = parseCount(value);
    if (!pitch || *pitch > 127) fail(index_, "unknown token: pitches are MIDI numbers 0-127");
    requirePosition("a pitch");
    pendingPitch_ = *pitch;
  }

  void readDuration(std::string_view value) {
    const auto units = parseCount(value);
    if (!units || !isDuration(*units)) fail(index_, "unknown token: not one of the known lengths");
    if (!pendingPitch_) fail(index_, "a duration must follow a pitch");
    piece_.notes.push_back({barStart_ + *position_, *units, *pendingPitch_});
    pendingPitch_.reset();
  }

  [[noreturn]] void fail(std::size_t index, const std::string& reason) const {
    failAt(index, reason, index < tokens_.size() ? tokens_[index] : "");
  }

  [[noreturn]] static void failAt(std::size_t index, const std::string& reason, const std::string& token) {
    throw std::invalid_argument("timed token " + std::to_string(index) + " '" + token + "': " + reason);
  }

  const Tokens& tokens_;
  std::size_t index_ = 0;
  TimedPiece piece_;
  bool started_ = false;
  bool ended_ = false;
  Meter meter_;
  double bpm_;  // the decode option until a tempo token comes
  std::int64_t barStart_ = 0;
  std::optional<int> position_;  // in the current bar
  bool chordHere_ = false;
  std::optional<int> pendingPitch_;
};

}  // namespace

std::string meterToken(Meter meter) { return std::string(kMeterPrefix) + toString(meter); }
std::string tempoToken(int bpm) { return std::string(kTempoPrefix) + std::to_string(bpm); }
std::string positionToken(int unitsIntoBar) { return std::string(kPositionPrefix) + std::to_string(unitsIntoBar); }
std::string pitchToken(int midiNote) { return std::string(kPitchPrefix) + std::to_string(midiNote); }
std::string durationToken(int units) { return std::string(kDurationPrefix) + std::to_string(units); }
std::string chordToken(const theory::ChordSymbol& chord) {
  return std::string(kChordPrefix) + theory::toString(theory::respelled(chord));
}
std::string noChordToken() { return std::string(kChordPrefix) + kNoChord; }

std::vector<std::string> fixedVocabulary() {
  std::vector<std::string> vocabulary = {kStartToken, kEndToken, kBarToken};
  for (int denominator = 1; denominator <= 16; denominator *= 2)
    for (int numerator = 1; isSupported({numerator, denominator}); ++numerator)
      vocabulary.push_back(meterToken({numerator, denominator}));
  for (int bpm = kMinBpm; bpm <= kMaxBpm; bpm += kBpmStep) vocabulary.push_back(tempoToken(bpm));
  for (int position = 0; position < kMaxBarUnits; ++position)
    if (isOnsetPosition(position)) vocabulary.push_back(positionToken(position));
  for (int pitch = 0; pitch <= 127; ++pitch) vocabulary.push_back(pitchToken(pitch));
  for (int units : durationValues()) vocabulary.push_back(durationToken(units));
  return vocabulary;
}

Tokens tokensFromPiece(const TimedPiece& piece) {
  Tokens tokens = {kStartToken};
  const auto starts = barStarts(piece);
  auto note = piece.notes.begin();
  auto chord = piece.chords.begin();
  for (std::size_t i = 0; i < piece.bars.size(); ++i) {
    const TimedBar& bar = piece.bars[i];
    tokens.push_back(kBarToken);
    if (i == 0 || bar.meter != piece.bars[i - 1].meter) tokens.push_back(meterToken(bar.meter));
    const int bpm = quantiseBpm(bar.bpm);
    if (i == 0 || bpm != quantiseBpm(piece.bars[i - 1].bpm)) tokens.push_back(tempoToken(bpm));
    const std::int64_t end = starts[i] + bar.meter.barUnits();
    std::map<int, PositionEvents> events;
    for (; chord != piece.chords.end() && chord->unit < end; ++chord)
      events[static_cast<int>(chord->unit - starts[i])].chord = &*chord;
    for (; note != piece.notes.end() && note->onsetUnit < end; ++note)
      events[static_cast<int>(note->onsetUnit - starts[i])].notes.push_back(&*note);
    appendBar(tokens, events);
  }
  tokens.push_back(kEndToken);
  return tokens;
}

TimedPiece pieceFromTokens(const Tokens& tokens, double defaultBpm) { return TokenReader(tokens, defaultBpm).read(); }

}  // namespace lofi::timed

namespace lofi {

Tokens TimedEncoding::encode(const midi::File& file) const {
  return timed::tokensFromPiece(timed::timedPieceFromScore(scoreFromMidi(file)));
}

Score TimedEncoding::decode(const Tokens& tokens, const DecodeOptions& options) const {
  return timed::scoreFromTimedPiece(timed::pieceFromTokens(tokens, options.bpm), options);
}

}  // namespace lofi
