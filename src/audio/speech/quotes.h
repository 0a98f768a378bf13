// The spoken lines: public-domain quotes kept as data (text, author, source),
// and the one call the server makes to speak any text through the radio.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audio/audio_buffer.h"
#include "audio/speech/espeak_voice.h"
#include "audio/speech/radio_voice.h"

namespace lofi {

struct Quote {
  std::string id;      // file-name friendly: "thoreau-deliberately"
  std::string text;
  std::string author;
  std::string source;  // the work it comes from
};

// Reads a JSON list of {id, text, author, source}. Throws std::runtime_error
// naming the file, the entry and the field that is missing or wrong.
std::vector<Quote> readQuotes(const std::string& path);
std::vector<Quote> parseQuotes(const std::string& json, const std::string& nameForErrors);

// Any text (up to kMaxSpokenCharacters), spoken and passed through the radio
// chain. Throws SpeechError for empty or over-long text.
AudioBuffer speakQuote(const std::string& text, const SpeechOptions& voice = {}, const RadioVoiceOptions& radio = {});

// The same, as Ogg Vorbis bytes ready to send.
std::vector<std::uint8_t> speakQuoteOgg(const std::string& text);

}  // namespace lofi
