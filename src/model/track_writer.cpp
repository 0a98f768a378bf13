#include "model/track_writer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common/seeded_random.h"
#include "music/midi_file.h"
#include "music/note_events.h"

namespace lofi {
namespace {

constexpr int kMaxTokens = 100000;
constexpr int kMaxBars = 1000;
// Bars are filled within this many tokens per bar, or the track ends short.
constexpr int kMaxTokensPerBar = 128;

void checkOptions(const TrackOptions& options) {
  if ((options.tokens > 0) == (options.bars > 0)) throw std::invalid_argument("ask for either tokens or bars");
  if (options.tokens < 0 || options.tokens > kMaxTokens)
    throw std::invalid_argument("tokens must be 1-" + std::to_string(kMaxTokens));
  if (options.bars < 0 || options.bars > kMaxBars) throw std::invalid_argument("bars must be 1-" + std::to_string(kMaxBars));
}

DecodeOptions decodeOptions(const TrackOptions& options) {
  DecodeOptions decode = options.decode;
  decode.seed = options.seed;
  return decode;
}

// One track's music as its tokens come: the encoding's reader, after the
// primer when the encoding continues it (the primer's bars are cut off again).
class TrackReader {
 public:
  TrackReader(const Encoding& encoding, const TrackOptions& options) : reader_(encoding.reader(decodeOptions(options))) {
    if (!encoding.continuesPrimer() || options.primer.empty()) return;
    for (const std::string& token : options.primer) reader_->read(token);  // throws for a primer that does not read
    primerTokens_ = reader_->completeTokens();
    const Score primed = reader_->score();
    const double barTicks = static_cast<double>(kQuartersPerBar) * primed.ticksPerQuarter;
    cutQuarters_ = std::ceil(static_cast<double>(primed.endTick()) / barTicks) * kQuartersPerBar;
  }

  // False once a token could not be read: the track ends before it.
  bool read(const std::string& token) {
    if (broken_) return false;
    try {
      reader_->read(token);
    } catch (const std::invalid_argument&) {
      broken_ = true;
    }
    return !broken_;
  }

  double lastOnsetQuarters() const { return reader_->lastOnsetQuarters() - cutQuarters_; }
  std::size_t completeTokens() const { return reader_->completeTokens() - primerTokens_; }

  Score score() const {
    Score score = reader_->score();
    if (cutQuarters_ == 0) return score;
    const auto cut = static_cast<std::int64_t>(std::llround(cutQuarters_ * score.ticksPerQuarter));
    for (Part& part : score.parts) {
      std::erase_if(part.notes, [&](const Note& note) { return note.startTick < cut; });
      for (Note& note : part.notes) {
        note.startTick -= cut;
        note.endTick -= cut;
      }
    }
    std::erase_if(score.labels, [&](const TextLabel& label) { return label.tick < cut; });
    for (TextLabel& label : score.labels) label.tick -= cut;
    return score;
  }

 private:
  std::unique_ptr<TokenReader> reader_;
  std::size_t primerTokens_ = 0;
  double cutQuarters_ = 0;
  bool broken_ = false;
};

// Chords the music names itself with (the timed encoding's markers) that
// start inside its `quarters`.
std::vector<ChordSpan> labelledChords(const Score& score, double quarters) {
  std::vector<ChordSpan> chords;
  const double ticksPerQuarter = score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480;
  for (const TextLabel& label : score.labels) {
    try {
      theory::parseChordSymbol(label.text);
    } catch (const std::invalid_argument&) {
      continue;  // not a chord symbol
    }
    const double start = static_cast<double>(label.tick) / ticksPerQuarter;
    if (start >= quarters) break;
    if (!chords.empty()) chords.back().quarters = start - chords.back().startQuarters;
    chords.push_back({label.text, start, 0});
  }
  if (!chords.empty()) chords.back().quarters = std::max(0.0, quarters - chords.back().startQuarters);
  return chords;
}

bool hasEnough(const TrackOptions& option, const TrackReader& reader, std::size_t generated) {
  if (option.tokens > 0) return generated >= static_cast<std::size_t>(option.tokens);
  // Done when music starts past the last bar: every bar is then written.
  return reader.lastOnsetQuarters() >= option.bars * kQuartersPerBar ||
         generated >= static_cast<std::size_t>(option.bars) * kMaxTokensPerBar;
}

WrittenTrack finishTrack(const Model& model, const TrackOptions& option, const TrackReader& reader,
                         const std::vector<int>& generated) {
  WrittenTrack track;
  track.primer = option.primer;
  const std::size_t complete = std::min(reader.completeTokens(), generated.size());
  track.tokens = model.vocabulary().decode(std::span<const int>(generated.data(), complete));
  track.score = reader.score();
  const double length = option.bars > 0 ? option.bars * kQuartersPerBar
                                        : static_cast<double>(track.score.endTick()) / track.score.ticksPerQuarter;
  if (option.bars > 0) track.score = trimScore(std::move(track.score), length);
  track.chords = option.steering.chords.empty()
                     ? labelledChords(track.score, length)
                     : chordTimeline(theory::parseChordProgression(option.steering.chords), length);
  // A track steered by chords its tokens do not carry (classic) says them
  // as markers, so that `lofi stats` and a DAW see what it was kept to.
  Score& score = track.score;
  if (score.labels.empty())
    for (const ChordSpan& span : track.chords)
      score.labels.push_back({static_cast<std::int64_t>(std::llround(span.startQuarters * score.ticksPerQuarter)),
                              midi::meta::kMarker, span.symbol});
  return track;
}

}  // namespace

GenerationMethod defaultMethod(const Model& model) {
  return model.config().carriesState() ? GenerationMethod::CarriedState : GenerationMethod::SlidingWindow;
}

std::vector<WrittenTrack> writeTracks(const Model& model, const Encoding& encoding, const std::vector<TrackOptions>& options) {
  std::vector<SequenceRequest> requests;
  std::vector<TrackReader> readers;
  for (const TrackOptions& option : options) {
    checkOptions(option);
    if (option.method != options.front().method) throw std::invalid_argument("one batch, one generation method");
    SequenceRequest request;
    request.primer = model.vocabulary().encode(option.primer);
    request.seed = option.seed;
    request.sampling = option.sampling;
    request.constraints = steeringConstraints(model.vocabulary(), encoding.name(), option.steering, decodeOptions(option));
    for (const ConstraintFactory& make : option.constraints) request.constraints.push_back(make());
    requests.push_back(std::move(request));
    readers.emplace_back(encoding, option);
  }
  std::vector<WrittenTrack> tracks;
  if (options.empty()) return tracks;
  Generation generation(model, std::move(requests), options.front().method);
  const Vocabulary& vocabulary = model.vocabulary();
  while (!generation.allFinished()) {
    const std::vector<int>& stepped = generation.step();
    for (int row = 0; row < generation.rows(); ++row) {
      if (generation.finished(row)) continue;
      const bool readable = readers[row].read(vocabulary.token(stepped[row]));
      if (!readable || hasEnough(options[row], readers[row], generation.generated(row).size())) generation.finish(row);
    }
  }
  for (std::size_t row = 0; row < options.size(); ++row)
    tracks.push_back(finishTrack(model, options[row], readers[row], generation.generated(static_cast<int>(row))));
  return tracks;
}

WrittenTrack writeTrack(const Model& model, const Encoding& encoding, const TrackOptions& options) {
  return writeTracks(model, encoding, {options}).front();
}

std::vector<ChordSpan> chordTimeline(const theory::ChordProgression& progression, double quarters) {
  std::vector<ChordSpan> spans;
  const std::vector<std::string> symbols = progression.symbols();
  for (std::size_t index = 0; index * progression.quartersPerChord < quarters; ++index) {
    const double start = static_cast<double>(index) * progression.quartersPerChord;
    spans.push_back({symbols[index % symbols.size()], start, std::min(progression.quartersPerChord, quarters - start)});
  }
  return spans;
}

Tokens randomPrimer(const Model& model, std::uint64_t seed) {
  const std::vector<Tokens>& primers = model.file().primers;
  if (primers.empty()) return {};
  SeededRandom random(mixSeed(seed, 0x9121));
  return primers[random.below(primers.size())];
}

Tokens primerFromMidi(const Model& model, const Encoding& encoding, const std::string& path, std::size_t maxTokens,
                      std::size_t* unknown) {
  const Tokens tokens = encoding.encodeMidi(midi::readFile(path));
  Tokens known;
  std::size_t unknownCount = 0;
  for (const std::string& token : tokens) {
    if (model.vocabulary().find(token)) known.push_back(token);
    else ++unknownCount;
  }
  if (unknown) *unknown = unknownCount;
  if (known.size() <= maxTokens) return known;
  Tokens end(known.end() - static_cast<std::ptrdiff_t>(maxTokens), known.end());
  if (encoding.decodablePrefix(end) == end.size()) return end;
  // The beginning then, cut where it decodes (it may not stop inside a note).
  Tokens begin(known.begin(), known.begin() + static_cast<std::ptrdiff_t>(maxTokens));
  begin.resize(encoding.decodablePrefix(begin));
  return begin;
}

}  // namespace lofi
