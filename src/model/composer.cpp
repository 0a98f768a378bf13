#include "model/composer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "model/random.h"
#include "music/midi_file.h"
#include "music/note_events.h"

namespace lofi {
namespace {

constexpr int kMaxTokens = 100000;
constexpr int kMaxBars = 1000;
constexpr int kTokensPerRound = 32;
// Bars are filled within this many tokens per bar, or the track ends short.
constexpr int kMaxTokensPerBar = 128;

void checkOptions(const ComposeOptions& options) {
  if ((options.tokens > 0) == (options.bars > 0)) throw std::invalid_argument("ask for either tokens or bars");
  if (options.tokens < 0 || options.tokens > kMaxTokens)
    throw std::invalid_argument("tokens must be 1-" + std::to_string(kMaxTokens));
  if (options.bars < 0 || options.bars > kMaxBars) throw std::invalid_argument("bars must be 1-" + std::to_string(kMaxBars));
}

DecodeOptions decodeOptions(const ComposeOptions& options) {
  DecodeOptions decode = options.decode;
  decode.seed = options.seed;
  return decode;
}

double scoreQuarters(const Score& score) {
  return static_cast<double>(score.endTick()) / (score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480);
}

// Where the music has got to: its latest onset (a long last note does not
// fill the bars after it).
double lastOnsetQuarters(const Score& score) {
  std::int64_t last = -1;
  for (const Part& part : score.parts)
    for (const Note& note : part.notes) last = std::max(last, note.startTick);
  return static_cast<double>(last) / (score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480);
}

// Tokens that only make sense after their primer (a timed continuation starts
// mid-piece) are decoded with it, and the primer's whole bars cut off again.
Score decodeAfterPrimer(const Encoding& encoding, const Tokens& primer, const Tokens& tokens,
                        const ComposeOptions& options) {
  try {
    return encoding.decode(tokens, decodeOptions(options));
  } catch (const std::invalid_argument&) {
    if (primer.empty()) throw;
  }
  Tokens whole = primer;
  whole.insert(whole.end(), tokens.begin(), tokens.end());
  Score score = encoding.decode(whole, decodeOptions(options));
  const Score primed = encoding.decode(primer, decodeOptions(options));
  const std::int64_t bar = static_cast<std::int64_t>(kQuartersPerBar) * score.ticksPerQuarter;
  const std::int64_t cut = (primed.endTick() + bar - 1) / bar * bar;
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

// The generated tokens as music. A track cut off after a given number of
// tokens may end inside an event (a timed pitch without its length): the last
// few tokens are then left out, from `tokens` too.
Score decodeTrack(const Encoding& encoding, const Tokens& primer, Tokens& tokens, const ComposeOptions& options) {
  constexpr std::size_t kMaxDropped = 8;
  for (std::size_t dropped = 0;; ++dropped) {
    try {
      Score score = decodeAfterPrimer(encoding, primer, tokens, options);
      return score;
    } catch (const std::invalid_argument&) {
      if (dropped == kMaxDropped || tokens.empty()) throw;
      tokens.pop_back();
    }
  }
}

// Chords the decoded music names itself with (the timed encoding's markers).
std::vector<ChordSpan> labelledChords(const Score& score) {
  std::vector<ChordSpan> chords;
  const double ticksPerQuarter = score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480;
  for (const TextLabel& label : score.labels) {
    try {
      parseProgression(label.text);
    } catch (const std::invalid_argument&) {
      continue;  // not a chord symbol
    }
    const double start = static_cast<double>(label.tick) / ticksPerQuarter;
    if (!chords.empty()) chords.back().quarters = start - chords.back().startQuarters;
    chords.push_back({label.text, start, 0});
  }
  if (!chords.empty()) chords.back().quarters = std::max(0.0, scoreQuarters(score) - chords.back().startQuarters);
  return chords;
}
}  // namespace

GenerationMethod defaultMethod(const Model& model) {
  return model.config().carriesState() ? GenerationMethod::CarriedState : GenerationMethod::SlidingWindow;
}

std::vector<Track> composeTracks(const Model& model, const Encoding& encoding, const std::vector<ComposeOptions>& options) {
  std::vector<SequenceRequest> requests;
  for (const ComposeOptions& option : options) {
    checkOptions(option);
    if (option.method != options.front().method) throw std::invalid_argument("one batch, one generation method");
    SequenceRequest request;
    request.primer = model.vocabulary().encode(option.primer);
    request.seed = option.seed;
    request.sampling = option.sampling;
    request.constraints = steeringConstraints(model.vocabulary(), encoding, option.steering, decodeOptions(option));
    request.constraints.insert(request.constraints.end(), option.constraints.begin(), option.constraints.end());
    requests.push_back(std::move(request));
  }
  std::vector<Track> tracks(options.size());
  if (options.empty()) return tracks;
  Generation generation(model, std::move(requests), options.front().method);
  // Rounds of a few tokens: a row stops when it has its tokens or its bars.
  while (!generation.allFinished()) {
    // Each row is looked at only at its own checkpoints (its token count, or
    // every kTokensPerRound tokens for bars), so that it ends where it would alone.
    int round = kTokensPerRound;
    for (int row = 0; row < generation.rows(); ++row) {
      if (generation.finished(row)) continue;
      const int count = static_cast<int>(generation.generated(row).size());
      const int checkpoint = options[row].tokens > 0 ? options[row].tokens : (count / kTokensPerRound + 1) * kTokensPerRound;
      round = std::min(round, checkpoint - count);
    }
    generation.advance(std::max(1, round));
    for (int row = 0; row < generation.rows(); ++row) {
      if (generation.finished(row)) continue;
      const ComposeOptions& option = options[row];
      const std::size_t count = generation.generated(row).size();
      if (option.tokens > 0) {
        if (count >= static_cast<std::size_t>(option.tokens)) generation.finish(row);
        continue;
      }
      if (count % kTokensPerRound != 0) continue;
      Tokens tokens = model.vocabulary().decode(generation.generated(row));
      // Done when music starts past the last bar: every bar is then written.
      if (lastOnsetQuarters(decodeTrack(encoding, option.primer, tokens, option)) >= option.bars * kQuartersPerBar ||
          count >= static_cast<std::size_t>(option.bars) * kMaxTokensPerBar)
        generation.finish(row);
    }
  }
  for (std::size_t row = 0; row < options.size(); ++row) {
    const ComposeOptions& option = options[row];
    std::vector<int> indices = generation.generated(static_cast<int>(row));
    if (option.tokens > 0 && indices.size() > static_cast<std::size_t>(option.tokens)) indices.resize(option.tokens);
    tracks[row].primer = option.primer;
    tracks[row].tokens = model.vocabulary().decode(indices);
    tracks[row].score = decodeTrack(encoding, option.primer, tracks[row].tokens, option);
    if (option.bars > 0) tracks[row].score = trimScore(std::move(tracks[row].score), option.bars * kQuartersPerBar);
    const double length = option.bars > 0 ? option.bars * kQuartersPerBar : scoreQuarters(tracks[row].score);
    tracks[row].chords = option.steering.chords.empty() ? labelledChords(tracks[row].score)
                                                        : chordTimeline(parseProgression(option.steering.chords), length);
    // A track steered by chords its tokens do not carry (classic) says them
    // as markers, so that `lofi stats` and a DAW see what it was kept to.
    Score& score = tracks[row].score;
    if (score.labels.empty())
      for (const ChordSpan& span : tracks[row].chords)
        score.labels.push_back({static_cast<std::int64_t>(std::llround(span.startQuarters * score.ticksPerQuarter)),
                                midi::meta::kMarker, span.symbol});
  }
  return tracks;
}

Track composeTrack(const Model& model, const Encoding& encoding, const ComposeOptions& options) {
  return composeTracks(model, encoding, {options}).front();
}

Tokens randomPrimer(const Model& model, std::uint64_t seed) {
  const std::vector<Tokens>& primers = model.file().primers;
  if (primers.empty()) return {};
  SeededRandom random(mixSeed(seed, 0x9121));
  return primers[random.below(primers.size())];
}

Tokens primerFromMidi(const Model& model, const Encoding& encoding, const std::string& path, std::size_t maxTokens,
                      std::size_t* unknown) {
  const Tokens tokens = encoding.encode(midi::readFile(path));
  Tokens known;
  std::size_t unknownCount = 0;
  for (const std::string& token : tokens) {
    if (model.vocabulary().find(token)) known.push_back(token);
    else ++unknownCount;
  }
  if (unknown) *unknown = unknownCount;
  if (known.size() <= maxTokens) return known;
  Tokens end(known.end() - static_cast<std::ptrdiff_t>(maxTokens), known.end());
  try {
    encoding.decode(end, DecodeOptions{});
    return end;
  } catch (const std::invalid_argument&) {
  }
  // The beginning then, shortened until it decodes (it may not stop inside a note).
  Tokens begin(known.begin(), known.begin() + static_cast<std::ptrdiff_t>(maxTokens));
  while (!begin.empty()) {
    try {
      encoding.decode(begin, DecodeOptions{});
      return begin;
    } catch (const std::invalid_argument&) {
      begin.pop_back();
    }
  }
  return begin;
}

}  // namespace lofi
