#include "music/timed/timed_tokens.h"

#include <charconv>
#include <stdexcept>

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

TimedToken make(TimedToken::Kind kind, int value = 0) {
  TimedToken token;
  token.kind = kind;
  token.value = value;
  return token;
}

// The token's kind, or the reason it has none (nullopt and `reason` set).
std::optional<TimedToken> classify(std::string_view token, std::string& reason) {
  using Kind = TimedToken::Kind;
  const auto after = [&](std::string_view prefix) { return token.substr(prefix.size()); };
  if (token == kStartToken) return make(Kind::Start);
  if (token == kEndToken) return make(Kind::End);
  if (token == kBarToken) return make(Kind::Bar);
  if (token.starts_with(kMeterPrefix)) {
    if (const auto meter = parseMeter(after(kMeterPrefix))) {
      TimedToken parsed = make(Kind::Meter, meter->barUnits());
      parsed.meter = *meter;
      return parsed;
    }
    reason = "unknown token: meters are N/D with D a power of two and bars of at most 8 quarters";
  } else if (token.starts_with(kTempoPrefix)) {
    const auto bpm = parseCount(after(kTempoPrefix));
    if (bpm && *bpm >= kMinBpm && *bpm <= kMaxBpm && *bpm % kBpmStep == 0) return make(Kind::Tempo, *bpm);
    reason = "unknown token: tempos are " + std::to_string(kMinBpm) + "-" + std::to_string(kMaxBpm) +
             " BPM in steps of " + std::to_string(kBpmStep);
  } else if (token.starts_with(kPositionPrefix)) {
    const auto position = parseCount(after(kPositionPrefix));
    if (position && isOnsetPosition(*position) && *position < kMaxBarUnits) return make(Kind::Position, *position);
    reason = "unknown token: positions are multiples of 3 or 4 below " + std::to_string(kMaxBarUnits);
  } else if (token.starts_with(kChordPrefix)) {
    TimedToken chord = make(Kind::Chord);
    chord.chord = after(kChordPrefix);
    return chord;
  } else if (token.starts_with(kPitchPrefix)) {
    const auto pitch = parseCount(after(kPitchPrefix));
    if (pitch && *pitch <= 127) return make(Kind::Pitch, *pitch);
    reason = "unknown token: pitches are MIDI numbers 0-127";
  } else if (token.starts_with(kDurationPrefix)) {
    const auto units = parseCount(after(kDurationPrefix));
    if (units && isDuration(*units)) return make(Kind::Duration, *units);
    reason = "unknown token: not one of the known lengths";
  } else {
    reason = "unknown token";
  }
  return std::nullopt;
}

}  // namespace

TimedToken parseToken(std::string_view token) {
  std::string reason;
  if (auto parsed = classify(token, reason)) return *parsed;
  throw std::invalid_argument(reason);
}

std::optional<TimedToken> tryParseToken(std::string_view token) {
  std::string reason;
  return classify(token, reason);
}

std::string meterToken(Meter meter) { return std::string(kMeterPrefix) + toString(meter); }
std::string tempoToken(int bpm) { return std::string(kTempoPrefix) + std::to_string(bpm); }
std::string positionToken(int unitsIntoBar) { return std::string(kPositionPrefix) + std::to_string(unitsIntoBar); }
std::string pitchToken(int midiNote) { return std::string(kPitchPrefix) + std::to_string(midiNote); }
std::string durationToken(int units) { return std::string(kDurationPrefix) + std::to_string(units); }
std::string chordToken(const theory::ChordSymbol& chord) {
  return chordToken(theory::toString(theory::respelled(chord)));
}
std::string chordToken(std::string_view canonicalSymbol) {
  std::string token(kChordPrefix);
  token += canonicalSymbol;
  return token;
}
std::string noChordToken() { return chordToken(kNoChord); }

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

}  // namespace lofi::timed
