#include "music/classic_encoding.h"

#include <array>
#include <charconv>
#include <random>
#include <stdexcept>

#include "music/music21_import.h"
#include "music/music21_partition.h"
#include "music/normal_order.h"
#include "music/pitch_names.h"

namespace lofi {
namespace {

constexpr int kTicksPerQuarter = 480;

std::optional<int> parseInteger(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// "E-2" reads as E-flat 2: the encoder spells every flat this way, so it wins
// over the (unreachable or rare) natural in a negative octave.
std::optional<int> parseNoteName(const std::string& token) {
  static constexpr std::array<std::pair<std::string_view, int>, 12> kNames = {{
      {"C#", 1}, {"E-", 3}, {"F#", 6}, {"G#", 8}, {"B-", 10},
      {"C", 0}, {"D", 2}, {"E", 4}, {"F", 5}, {"G", 7}, {"A", 9}, {"B", 11},
  }};
  for (const auto& [name, pitchClassValue] : kNames) {
    if (token.rfind(name, 0) != 0) continue;
    const std::optional<int> octave = parseInteger(std::string_view(token).substr(name.size()));
    if (!octave) continue;
    const int midi = (*octave + 1) * 12 + pitchClassValue;
    if (midi >= 0 && midi <= 127) return midi;
  }
  return std::nullopt;
}

std::optional<std::vector<int>> parseChord(const std::string& token) {
  std::vector<int> classes;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = token.find('.', start);
    const std::optional<int> value = parseInteger(std::string_view(token).substr(start, dot - start));
    if (!value || *value < 0 || *value > 11) return std::nullopt;
    classes.push_back(*value);
    if (dot == std::string::npos) return classes;
    start = dot + 1;
  }
}

// A uniform draw in [0, 1) built from the generator's bits, so that one seed
// gives the same durations on every standard library.
double uniformUnit(std::mt19937_64& generator) { return static_cast<double>(generator() >> 11) * 0x1.0p-53; }

double drawDuration(std::mt19937_64& generator, const DecodeOptions& options) {
  double total = 0;
  for (const auto& [quarters, weight] : options.durationWeights) total += std::max(0.0, weight);
  if (total <= 0) throw std::invalid_argument("duration weights must have a positive sum");
  double pick = uniformUnit(generator) * total;
  for (const auto& [quarters, weight] : options.durationWeights) {
    pick -= std::max(0.0, weight);
    if (pick < 0) return quarters;
  }
  return options.durationWeights.back().first;
}

std::int64_t toTicks(double quarters) { return static_cast<std::int64_t>(std::llround(quarters * kTicksPerQuarter)); }

// Pitch classes voiced upwards from the chosen octave, each above the last.
std::vector<int> voiceChord(const std::vector<int>& classes, int octave) {
  std::vector<int> pitches;
  int floor = (octave + 1) * 12;
  for (int pc : classes) {
    int pitch = floor + ((pc - floor) % 12 + 12) % 12;
    if (!pitches.empty() && pitch <= pitches.back()) pitch += 12;
    pitches.push_back(pitch);
    floor = pitch + 1;
  }
  return pitches;
}

}  // namespace

ClassicToken parseClassicToken(const std::string& token) {
  if (token == "r") return {ClassicToken::Kind::Rest, {}};
  if (const auto midi = parseNoteName(token)) return {ClassicToken::Kind::Note, {*midi}};
  if (const auto classes = parseChord(token)) return {ClassicToken::Kind::Chord, *classes};
  throw std::invalid_argument("unknown classic token '" + token + "'");
}

Tokens ClassicEncoding::encode(const midi::File& file) const {
  const m21::ImportedScore score = m21::importMidi(file);
  Tokens tokens;
  for (const m21::PartitionedElement& item : m21::seedElements(score)) {
    const m21::Element& e = *item.element;
    if (e.kind == m21::Kind::Rest) {
      tokens.emplace_back("r");
      continue;
    }
    const auto first = score.counters.pitches.begin() + e.firstPitch;
    if (e.kind == m21::Kind::Note) tokens.push_back(pitchName(*first));
    else tokens.push_back(normalOrderToken(std::vector<int>(first, first + e.pitchCount)));
  }
  return tokens;
}

Score ClassicEncoding::decode(const Tokens& tokens, const DecodeOptions& options) const {
  if (options.bpm <= 0) throw std::invalid_argument("bpm must be positive");
  if (options.durationWeights.empty()) throw std::invalid_argument("no duration weights given");
  Score score;
  score.ticksPerQuarter = kTicksPerQuarter;
  score.tempos.push_back({0, static_cast<int>(std::lround(60'000'000.0 / options.bpm))});
  Part part;
  // No track name: music21 would make a second instrument of it beside the
  // program change, both at offset 0, and its instrument partition then
  // leaves the first part empty. The program change alone reads back cleanly.
  part.program = options.program;
  std::mt19937_64 generator(options.seed);
  std::int64_t now = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    ClassicToken token;
    try {
      token = parseClassicToken(tokens[i]);
    } catch (const std::invalid_argument& error) {
      std::string message = error.what();
      message.append(" at index ").append(std::to_string(i));
      throw std::invalid_argument(message);
    }
    if (token.kind == ClassicToken::Kind::Rest) {
      now += toTicks(options.restQuarters);
      continue;
    }
    const std::int64_t length = std::max<std::int64_t>(1, toTicks(drawDuration(generator, options)));
    if (token.kind == ClassicToken::Kind::Chord) token.values = voiceChord(token.values, options.chordOctave);
    for (int pitch : token.values)
      if (pitch >= 0 && pitch <= 127) part.notes.push_back({now, now + length, pitch, options.velocity, 0});
    now += length;
  }
  score.parts.push_back(std::move(part));
  return score;
}

}  // namespace lofi
