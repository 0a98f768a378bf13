#include "audio/speech/espeak_voice.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace lofi {
namespace {

std::mutex espeakMutex;  // espeak-ng is one global synthesizer
int espeakRate = 0;      // set by the first successful initialisation

int collectSamples(short* samples, int count, espeak_EVENT* events) {
  if (samples && count > 0) {
    auto* out = static_cast<std::vector<short>*>(events->user_data);
    out->insert(out->end(), samples, samples + count);
  }
  return 0;  // go on
}

void initialiseOnce() {
  if (espeakRate > 0) return;
  // 0.5 s of buffer; espeakINITIALIZE_DONT_EXIT: report errors instead of exiting the process.
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0) throw SpeechError("espeak-ng could not start (is the espeak-ng-data package installed?)");
  espeak_SetSynthCallback(collectSamples);
  espeakRate = rate;
}

// Keeps printable text and plain white space; control characters could
// otherwise reach espeak-ng's command parser.
std::string cleanText(const std::string& text) {
  std::string clean;
  for (unsigned char c : text) clean += (c < 0x20 || c == 0x7F) ? ' ' : static_cast<char>(c);
  const auto first = clean.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return clean.substr(first, clean.find_last_not_of(' ') - first + 1);
}

}  // namespace

AudioBuffer speak(const std::string& text, const SpeechOptions& options) {
  const std::string clean = cleanText(text);
  if (clean.empty()) throw SpeechError("nothing to speak: the text is empty");
  if (clean.size() > kMaxSpokenCharacters)
    throw SpeechError("text too long to speak: " + std::to_string(clean.size()) + " characters (limit " +
                      std::to_string(kMaxSpokenCharacters) + ")");
  std::lock_guard lock(espeakMutex);
  initialiseOnce();
  if (espeak_SetVoiceByName(options.voice.c_str()) != EE_OK)
    throw SpeechError("espeak-ng has no voice '" + options.voice + "'");
  espeak_SetParameter(espeakRATE, std::clamp(options.wordsPerMinute, 80, 450), 0);
  espeak_SetParameter(espeakPITCH, std::clamp(options.pitch, 0, 100), 0);
  espeak_SetParameter(espeakRANGE, std::clamp(options.pitchRange, 0, 100), 0);
  std::vector<short> samples;
  const espeak_ERROR result = espeak_Synth(clean.c_str(), clean.size() + 1, 0, POS_CHARACTER, 0,
                                           espeakCHARS_UTF8 | espeakENDPAUSE, nullptr, &samples);
  if (result != EE_OK) throw SpeechError("espeak-ng failed to speak the text (error " + std::to_string(result) + ")");
  AudioBuffer buffer(espeakRate, 1, samples.size());
  std::transform(samples.begin(), samples.end(), buffer.samples.begin(),
                 [](short s) { return static_cast<float>(s) / 32768.0f; });
  if (buffer.empty()) throw SpeechError("espeak-ng produced no sound for the text");
  return buffer;
}

}  // namespace lofi
