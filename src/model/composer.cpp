#include "model/composer.h"

#include <algorithm>
#include <stdexcept>

#include "model/random.h"
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

Score decodeTrack(const Encoding& encoding, const Tokens& tokens, const ComposeOptions& options) {
  DecodeOptions decode = options.decode;
  decode.seed = options.seed;
  return encoding.decode(tokens, decode);
}

double scoreQuarters(const Score& score) {
  return static_cast<double>(score.endTick()) / (score.ticksPerQuarter > 0 ? score.ticksPerQuarter : 480);
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
    request.constraints = option.constraints;
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
      const Tokens tokens = model.vocabulary().decode(generation.generated(row));
      if (scoreQuarters(decodeTrack(encoding, tokens, option)) >= option.bars * kQuartersPerBar ||
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
    tracks[row].score = decodeTrack(encoding, tracks[row].tokens, option);
    if (option.bars > 0) tracks[row].score = trimScore(std::move(tracks[row].score), option.bars * kQuartersPerBar);
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
  if (known.size() > maxTokens) known.erase(known.begin(), known.end() - static_cast<std::ptrdiff_t>(maxTokens));
  return known;
}

}  // namespace lofi
