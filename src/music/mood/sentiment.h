// What a sentence says about feeling, as two numbers: valence (bad -1 .. +1
// good) from the AFINN-165 lexicon, and arousal (calm -1 .. +1 lively) from a
// heuristic over energy words, intensity and punctuation. Plain text in,
// plain numbers out; docs/server.md gives every rule and weight.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lofi::mood {

// AFINN-165 (data/sentiment/afinn-165.json, compiled in): word or phrase -> -5..+5.
class SentimentLexicon {
 public:
  explicit SentimentLexicon(std::unordered_map<std::string, int> scores);
  static const SentimentLexicon& afinn165();
  // The score of a lower-case word or space-separated phrase, or 0 if unrated.
  int score(const std::string& wordOrPhrase) const;
  bool rates(const std::string& wordOrPhrase) const { return scores_.contains(wordOrPhrase); }
  std::size_t size() const { return scores_.size(); }

 private:
  std::unordered_map<std::string, int> scores_;
};

// Energy words (data/sentiment/arousal-words.json, compiled in).
struct ArousalWords {
  std::unordered_set<std::string> high, low;
  static const ArousalWords& builtIn();
};

struct RatedWord {
  std::string word;   // as matched: a word or a two-word phrase
  double score = 0;   // after negation and intensity
};

struct SentimentReading {
  double valence = 0;  // -1..1: mean rated-word score / 5
  double arousal = 0;  // -1..1
  std::vector<RatedWord> rated;
  int highEnergyWords = 0;
  int lowEnergyWords = 0;
  int exclamations = 0;
  int shoutedWords = 0;  // in capitals, two letters or more
  int intensifiers = 0;  // very, so, really...
  int softeners = 0;     // a bit, slightly, kind of...
};

// Lower-case words of `text`: letters, digits, apostrophes and inner hyphens.
std::vector<std::string> words(std::string_view text);

SentimentReading readSentiment(std::string_view text, const SentimentLexicon& lexicon = SentimentLexicon::afinn165(),
                               const ArousalWords& energy = ArousalWords::builtIn());

}  // namespace lofi::mood
