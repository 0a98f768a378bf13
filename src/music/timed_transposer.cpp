#include "music/timed_transposer.h"

#include <charconv>
#include <stdexcept>

#include "music/timed_encoding.h"

namespace lofi {

std::optional<Tokens> TimedTransposer::transpose(const Tokens& tokens, int semitones) const {
  Tokens moved;
  moved.reserve(tokens.size());
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const std::string& token = tokens[index];
    if (token.rfind("pitch_", 0) == 0) {
      int pitch = -1;
      const auto [end, error] = std::from_chars(token.data() + 6, token.data() + token.size(), pitch);
      if (error != std::errc() || end != token.data() + token.size() || pitch < 0 || pitch > 127)
        throw std::invalid_argument("timed token " + std::to_string(index) + " '" + token + "' is not a pitch");
      if (pitch + semitones < 0 || pitch + semitones > 127) return std::nullopt;
      moved.push_back(timed::pitchToken(pitch + semitones));
    } else if (token.rfind("chord_", 0) == 0 && token != timed::noChordToken()) {
      try {
        moved.push_back(timed::chordToken(theory::transposed(theory::parseChordSymbol(token.substr(6)), semitones)));
      } catch (const std::invalid_argument& error) {
        throw std::invalid_argument("timed token " + std::to_string(index) + " '" + token + "': " + error.what());
      }
    } else {
      moved.push_back(token);
    }
  }
  return moved;
}

}  // namespace lofi
