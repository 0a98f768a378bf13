#include "music/instrument.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "music/score.h"

namespace lofi {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::vector<std::string> wordsOf(const std::string& text) {
  std::string spaced = lowercase(text);
  for (char& c : spaced)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = ' ';
  std::istringstream stream(spaced);
  std::vector<std::string> words;
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

bool isNumber(const std::string& text) {
  return !text.empty() && text.size() <= 3 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

int parseInstrument(const std::string& text) {
  if (isNumber(text)) {
    const int program = std::stoi(text);
    if (program <= 127) return program;
    throw std::invalid_argument("instrument program " + text + " is out of range 0-127");
  }
  const std::vector<std::string> wanted = wordsOf(text);
  if (!wanted.empty()) {
    std::string phrase;
    for (const std::string& word : wanted) phrase += (phrase.empty() ? "" : " ") + word;
    // First the exact phrase ("electric piano" is Electric Piano 1, not
    // Electric Grand Piano), then every word in any order ("nylon guitar").
    for (int program = 0; program < 128; ++program) {
      std::string name;
      for (const std::string& word : wordsOf(generalMidiName(program))) name += (name.empty() ? "" : " ") + word;
      if ((" " + name + " ").find(" " + phrase + " ") != std::string::npos) return program;
    }
    for (int program = 0; program < 128; ++program) {
      const std::string name = lowercase(generalMidiName(program));
      const bool all = std::all_of(wanted.begin(), wanted.end(),
                                   [&](const std::string& word) { return name.find(word) != std::string::npos; });
      if (all) return program;
    }
  }
  throw std::invalid_argument("unknown instrument '" + text +
                              "': give a General MIDI program 0-127 or words of its name, e.g. 'electric piano'");
}

}  // namespace lofi
