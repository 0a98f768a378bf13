// A sentence becomes music: its valence and arousal (sentiment.h) pick a
// key, a mode, a chord progression, a tempo, an instrument, a sampling
// temperature and a register for the chords. Sad and calm: minor, slower,
// darker and lower voicings; happy and lively: major, brighter, faster. The
// table and the formulas are in docs/server.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "music/mood/sentiment.h"

namespace lofi::mood {

enum class ValenceBand { Negative, Neutral, Positive };
enum class ArousalBand { Calm, Moderate, Lively };

// Valence beyond +-0.15 and arousal beyond +-0.2 leave the middle band.
ValenceBand valenceBand(double valence);
ArousalBand arousalBand(double arousal);

struct MoodMusic {
  double valence = 0;
  double arousal = 0;
  std::string feeling;      // "sad and calm"
  std::string key;          // "C minor"
  std::string mode;         // "major", "minor" or "dorian"
  std::string numerals;     // "i9 iv9 bVImaj7 v7": the progression in the key
  std::string progression;  // "Cm9 Fm9 Abmaj7 Gm7"
  int bpm = 80;             // 60..100, the page's range
  std::string instrument;   // one of the page's sampled instruments
  double temperature = 0.9;
  int chordLowest = 48;     // the chords' register (MIDI): darker moods sit lower
  int chordHighest = 76;
};

MoodMusic moodMusic(double valence, double arousal);
MoodMusic moodFromText(std::string_view text);

// The answer of POST /api/mood; with the reading's matched words when given.
nlohmann::json toJson(const MoodMusic& mood, const SentimentReading* reading = nullptr);

}  // namespace lofi::mood
