#include "music/timed/timed_encoding.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "music/score_io.h"
#include "music/theory/symbol_error.h"
#include "music/timed/timed_chords.h"

namespace lofi::timed {
namespace {

// The events of one bar, grouped by position: the chord first, then the notes by pitch.
struct PositionEvents {
  const TimedChord* chord = nullptr;
  std::vector<const TimedNote*> notes;
};

void appendBar(Tokens& tokens, const std::map<int, PositionEvents>& events) {
  for (const auto& [position, at] : events) {
    tokens.push_back(positionToken(position));
    if (at.chord) tokens.push_back(chordToken(at.chord->symbol));
    for (const TimedNote* note : at.notes) {
      tokens.push_back(pitchToken(note->pitch));
      tokens.push_back(durationToken(note->durationUnits));
    }
  }
}

// Reads tokens left to right, one at a time, checking the grammar:
//   start (bar [meter] [tempo] (pos [chord] (pitch dur)*)*)* [end]
// Every check comes before any change, so a token that fails leaves the
// reader as it was.
class PieceReader {
 public:
  explicit PieceReader(double defaultBpm) : bpm_(defaultBpm) {}

  void read(const std::string& token) {
    if (ended_) fail(index_, token, "nothing may follow 'end'");
    if (!started_) {
      if (token != kStartToken) fail(index_, token, "expected 'start' first");
      started_ = true;
      complete_ = ++index_;
      return;
    }
    if (pendingPitch_ && !token.starts_with("dur_")) failPendingPitch(token);
    TimedToken parsed;
    try {
      parsed = parseToken(token);
    } catch (const std::invalid_argument& error) {
      fail(index_, token, error.what());
    }
    using Kind = TimedToken::Kind;
    switch (parsed.kind) {
      case Kind::Start: fail(index_, token, "'start' may come only once");
      case Kind::End: ended_ = true; break;
      case Kind::Bar: startBar(); break;
      case Kind::Meter: readMeter(token, parsed.meter); break;
      case Kind::Tempo: readTempo(token, parsed.value); break;
      case Kind::Position: readPosition(token, parsed.value); break;
      case Kind::Chord: readChord(token, parsed.chord); break;
      case Kind::Pitch: readPitch(token, parsed.value); break;
      case Kind::Duration: readDuration(token, parsed.value); break;
    }
    ++index_;
    if (!pendingPitch_) complete_ = index_;
  }

  // Throws if the tokens read cannot end here.
  void checkEnd() const {
    if (!started_) fail(0, "", "expected 'start'");
    if (pendingPitch_) fail(index_ - 1, pendingPitchToken_, "the pitch has no duration after it");
  }

  std::size_t completeTokens() const { return complete_; }
  double lastOnsetQuarters() const {
    return lastOnsetUnit_ < 0 ? -1.0 : static_cast<double>(lastOnsetUnit_) / kUnitsPerQuarter;
  }

  // Notes of one position may come in any order; the piece keeps them by onset, then pitch.
  TimedPiece piece() const {
    TimedPiece piece = piece_;
    std::stable_sort(piece.notes.begin(), piece.notes.end(), [](const TimedNote& a, const TimedNote& b) {
      return a.onsetUnit != b.onsetUnit ? a.onsetUnit < b.onsetUnit : a.pitch < b.pitch;
    });
    return piece;
  }

 private:
  void startBar() {
    if (!piece_.bars.empty()) barStart_ += piece_.bars.back().meter.barUnits();
    piece_.bars.push_back({meter_, bpm_});
    position_.reset();
  }

  void requireBarHead(const std::string& token, const char* what) const {
    if (piece_.bars.empty()) fail(index_, token, std::string(what) + " before the first 'bar'");
    if (position_) fail(index_, token, std::string(what) + " must come right after 'bar', before any position");
  }

  void readMeter(const std::string& token, Meter meter) {
    requireBarHead(token, "a meter");
    meter_ = meter;
    piece_.bars.back().meter = meter_;
  }

  void readTempo(const std::string& token, int bpm) {
    requireBarHead(token, "a tempo");
    bpm_ = bpm;
    piece_.bars.back().bpm = bpm_;
  }

  void readPosition(const std::string& token, int position) {
    if (piece_.bars.empty()) fail(index_, token, "a position before the first 'bar'");
    const Meter meter = piece_.bars.back().meter;
    if (position >= meter.barUnits())
      fail(index_, token, "past the end of a " + toString(meter) + " bar (positions below " +
                              std::to_string(meter.barUnits()) + ")");
    if (position_ && position <= *position_)
      fail(index_, token, "positions must rise within a bar (this bar is already at pos_" + std::to_string(*position_) + ")");
    position_ = position;
    chordHere_ = false;
  }

  void requirePosition(const std::string& token, const char* what) const {
    if (!position_) fail(index_, token, std::string(what) + " needs a 'pos_N' before it in its bar");
  }

  void readChord(const std::string& token, std::string_view value) {
    requirePosition(token, "a chord");
    if (chordHere_) fail(index_, token, "a second chord at one position");
    std::string symbol;
    if (value == kNoChord) {
      symbol = kNoChord;
    } else {
      try {
        symbol = theory::toString(theory::respelled(theory::parseChordSymbol(value)));
      } catch (const theory::SymbolError& error) {
        fail(index_, token, std::string("unknown chord: ") + error.what());
      }
    }
    chordHere_ = true;
    piece_.chords.push_back({barStart_ + *position_, symbol});
    lastOnsetUnit_ = barStart_ + *position_;
  }

  void readPitch(const std::string& token, int pitch) {
    requirePosition(token, "a pitch");
    pendingPitch_ = pitch;
    pendingPitchToken_ = token;
  }

  void readDuration(const std::string& token, int units) {
    if (!pendingPitch_) fail(index_, token, "a duration must follow a pitch");
    piece_.notes.push_back({barStart_ + *position_, units, *pendingPitch_});
    lastOnsetUnit_ = barStart_ + *position_;
    pendingPitch_.reset();
  }

  [[noreturn]] void failPendingPitch(const std::string& found) const {
    fail(index_ - 1, pendingPitchToken_, "the pitch has no duration after it (found '" + found + "')");
  }

  [[noreturn]] static void fail(std::size_t index, const std::string& token, const std::string& reason) {
    throw std::invalid_argument("timed token " + std::to_string(index) + " '" + token + "': " + reason);
  }

  std::size_t index_ = 0;     // tokens read
  std::size_t complete_ = 0;  // tokens read that form whole events
  TimedPiece piece_;
  bool started_ = false;
  bool ended_ = false;
  Meter meter_;
  double bpm_;  // the decode option until a tempo token comes
  std::int64_t barStart_ = 0;
  std::optional<int> position_;  // in the current bar
  bool chordHere_ = false;
  std::optional<int> pendingPitch_;
  std::string pendingPitchToken_;
  std::int64_t lastOnsetUnit_ = -1;
};

class TimedReader : public TokenReader {
 public:
  explicit TimedReader(const DecodeOptions& options) : options_(options), reader_(options.bpm) {}
  void read(const std::string& token) override { reader_.read(token); }
  void checkEnd() const override { reader_.checkEnd(); }
  std::size_t completeTokens() const override { return reader_.completeTokens(); }
  double lastOnsetQuarters() const override { return reader_.lastOnsetQuarters(); }
  Score score() const override { return scoreFromTimedPiece(reader_.piece(), options_); }

 private:
  DecodeOptions options_;
  PieceReader reader_;
};

}  // namespace

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

TimedPiece pieceFromTokens(const Tokens& tokens, double defaultBpm) {
  PieceReader reader(defaultBpm);
  for (const std::string& token : tokens) reader.read(token);
  reader.checkEnd();
  return reader.piece();
}

}  // namespace lofi::timed

namespace lofi {

Tokens TimedEncoding::encode(const Score& score) const {
  return timed::tokensFromPiece(timed::timedPieceFromScore(score));
}

std::unique_ptr<TokenReader> TimedEncoding::reader(const DecodeOptions& options) const {
  return std::make_unique<timed::TimedReader>(options);
}

std::optional<Tokens> TimedEncoding::transpose(const Tokens& tokens, int semitones) const {
  using Kind = timed::TimedToken::Kind;
  Tokens moved;
  moved.reserve(tokens.size());
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const std::string& token = tokens[index];
    const auto fail = [&](const std::string& reason) {
      return std::invalid_argument("timed token " + std::to_string(index) + " '" + token + "': " + reason);
    };
    timed::TimedToken parsed;
    try {
      parsed = timed::parseToken(token);
    } catch (const std::invalid_argument& error) {
      throw fail(error.what());
    }
    if (parsed.kind == Kind::Pitch) {
      if (parsed.value + semitones < 0 || parsed.value + semitones > 127) return std::nullopt;
      moved.push_back(timed::pitchToken(parsed.value + semitones));
    } else if (parsed.kind == Kind::Chord && parsed.chord != timed::kNoChord) {
      try {
        moved.push_back(timed::chordToken(theory::transposed(theory::parseChordSymbol(parsed.chord), semitones)));
      } catch (const std::invalid_argument& error) {
        throw fail(error.what());
      }
    } else {
      moved.push_back(token);
    }
  }
  return moved;
}

}  // namespace lofi
