#include "music/classic/classic_encoding.h"

#include <cmath>
#include <stdexcept>

#include "music/classic/music21_import.h"
#include "music/classic/music21_partition.h"
#include "music/classic/normal_order.h"
#include "music/classic/pitch_names.h"
#include "music/score_io.h"

namespace lofi {
namespace {

using classic::ClassicToken;
using classic::kTicksPerQuarter;

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

class ClassicReader : public TokenReader {
 public:
  explicit ClassicReader(const DecodeOptions& options) : options_(options), clock_(options) {
    if (options.bpm <= 0) throw std::invalid_argument("bpm must be positive");
  }

  void read(const std::string& text) override {
    const std::optional<ClassicToken> token = classic::parseToken(text);
    if (!token)
      throw std::invalid_argument("unknown classic token '" + text + "' at index " + std::to_string(count_));
    ++count_;
    const std::int64_t start = clock_.nowTicks();
    const std::int64_t length = clock_.advance(token->kind);
    if (token->kind == ClassicToken::Kind::Rest) return;
    lastOnset_ = start;
    const std::vector<int> pitches =
        token->kind == ClassicToken::Kind::Chord ? voiceChord(token->values, options_.chordOctave) : token->values;
    for (int pitch : pitches)
      if (pitch >= 0 && pitch <= 127) notes_.push_back({start, start + length, pitch, options_.velocity, 0});
  }

  std::size_t completeTokens() const override { return count_; }
  double lastOnsetQuarters() const override { return static_cast<double>(lastOnset_) / kTicksPerQuarter; }

  Score score() const override {
    Score score;
    score.ticksPerQuarter = kTicksPerQuarter;
    score.tempos.push_back({0, static_cast<int>(std::lround(60'000'000.0 / options_.bpm))});
    Part part;
    // No track name: music21 would make a second instrument of it beside the
    // program change, both at offset 0, and its instrument partition then
    // leaves the first part empty. The program change alone reads back cleanly.
    part.program = options_.program;
    part.notes = notes_;
    score.parts.push_back(std::move(part));
    return score;
  }

 private:
  DecodeOptions options_;
  classic::Clock clock_;
  std::size_t count_ = 0;
  std::int64_t lastOnset_ = -kTicksPerQuarter;
  std::vector<Note> notes_;
};

}  // namespace

classic::Clock::Clock(const DecodeOptions& options) : random_(options.seed) {
  if (options.durationWeights.empty()) throw std::invalid_argument("no duration weights given");
  for (const auto& [quarters, weight] : options.durationWeights) {
    if (weight <= 0) continue;
    lengths_.push_back({std::max<std::int64_t>(1, toTicks(quarters)), weight});
    totalWeight_ += weight;
  }
  if (totalWeight_ <= 0) throw std::invalid_argument("duration weights must have a positive sum");
  restTicks_ = toTicks(options.restQuarters);
}

std::int64_t classic::Clock::advance(ClassicToken::Kind kind) {
  std::int64_t length = restTicks_;
  if (kind != ClassicToken::Kind::Rest) {
    double pick = random_.uniform() * totalWeight_;
    length = lengths_.back().first;
    for (const auto& [ticks, weight] : lengths_) {
      pick -= weight;
      if (pick < 0) {
        length = ticks;
        break;
      }
    }
  }
  now_ += length;
  return length;
}

Tokens ClassicEncoding::encode(const Score& score) const { return encodeMidi(midiFromScore(score)); }

Tokens ClassicEncoding::encodeMidi(const midi::File& file) const {
  const m21::ImportedScore score = m21::importMidi(file);
  Tokens tokens;
  for (const m21::PartitionedElement& item : m21::seedElements(score)) {
    const m21::Element& e = *item.element;
    if (e.kind == m21::Kind::Rest) {
      tokens.emplace_back(classic::kRestToken);
      continue;
    }
    const auto first = score.counters.pitches.begin() + e.firstPitch;
    if (e.kind == m21::Kind::Note) tokens.push_back(pitchName(*first));
    else tokens.push_back(normalOrderToken(std::vector<int>(first, first + e.pitchCount)));
  }
  return tokens;
}

std::unique_ptr<TokenReader> ClassicEncoding::reader(const DecodeOptions& options) const {
  return std::make_unique<ClassicReader>(options);
}

std::optional<Tokens> ClassicEncoding::transpose(const Tokens& tokens, int semitones) const {
  Tokens moved;
  moved.reserve(tokens.size());
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const std::optional<ClassicToken> token = classic::parseToken(tokens[index]);
    if (!token)
      throw std::invalid_argument("classic token " + std::to_string(index) + " '" + tokens[index] +
                                  "' is neither a note, a chord nor a rest");
    switch (token->kind) {
      case ClassicToken::Kind::Rest: moved.push_back(tokens[index]); break;
      case ClassicToken::Kind::Chord:
        moved.push_back(classic::chordToken(classic::transposeNormalOrder(token->values, semitones)));
        break;
      case ClassicToken::Kind::Note: {
        const int target = token->values.front() + semitones;
        if (target < 0 || target > 127) return std::nullopt;
        std::string name = classic::noteNameFromMidi(target);
        // "E-1" and "B-1" name two pitches each in music21 (E in octave -1, E flat
        // in octave 1): below the piano, so such keys are left out.
        if (classic::midiFromNoteName(name) != target) return std::nullopt;
        moved.push_back(std::move(name));
        break;
      }
    }
  }
  return moved;
}

}  // namespace lofi
