#include "music/mood/mood.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lofi::mood {
namespace {

struct MoodCell {
  ValenceBand valence;
  ArousalBand arousal;
  const char* feeling;
  const char* key;
  const char* mode;
  const char* numerals;
  const char* progression;  // the numerals spelled in the key
  const char* instrument;
  int chordLowest, chordHighest;
};

// Keys: sharp keys for the bright moods, flat and low keys for the dark ones,
// the lo-fi staple (a dorian ii-V-I turnaround) in the middle. Voicings grow
// richer and sit higher as the mood brightens.
constexpr std::array<MoodCell, 9> kCells{{
    {ValenceBand::Negative, ArousalBand::Calm, "sad and calm", "C minor", "minor", "i9 iv9 bVImaj7 v7",
     "Cm9 Fm9 Abmaj7 Gm7", "piano", 43, 70},
    {ValenceBand::Negative, ArousalBand::Moderate, "sad", "A minor", "minor", "i7 bVImaj7 bIIImaj7 bVII7",
     "Am7 Fmaj7 Cmaj7 G7", "piano", 45, 72},
    {ValenceBand::Negative, ArousalBand::Lively, "tense", "E minor", "minor", "i7 iv7 bVII7 V7b9",
     "Em7 Am7 D7 B7b9", "electric-piano", 47, 74},
    {ValenceBand::Neutral, ArousalBand::Calm, "quiet", "D dorian", "dorian", "i9 IV13 bVIImaj9 V7b9",
     "Dm9 G13 Cmaj9 A7b9", "electric-piano", 48, 76},
    {ValenceBand::Neutral, ArousalBand::Moderate, "easy", "A dorian", "dorian", "i9 IV9 bVIImaj7 bIIImaj7",
     "Am9 D9 Gmaj7 Cmaj7", "electric-piano", 48, 76},
    {ValenceBand::Neutral, ArousalBand::Lively, "restless", "E dorian", "dorian", "i7 IV9 i7 bVII9",
     "Em7 A9 Em7 D9", "electric-piano", 50, 78},
    {ValenceBand::Positive, ArousalBand::Calm, "content and calm", "F major", "major", "IVmaj9 iii7 ii9 Imaj9",
     "Bbmaj9 Am7 Gm9 Fmaj9", "jazz-guitar", 50, 79},
    {ValenceBand::Positive, ArousalBand::Moderate, "warm", "G major", "major", "Imaj7 IVmaj7 iii7 vi7",
     "Gmaj7 Cmaj7 Bm7 Em7", "jazz-guitar", 52, 81},
    {ValenceBand::Positive, ArousalBand::Lively, "happy and lively", "D major", "major", "Imaj9 vi9 ii9 V13",
     "Dmaj9 Bm9 Em9 A13", "piano", 55, 84},
}};

}  // namespace

ValenceBand valenceBand(double valence) {
  return valence > 0.15 ? ValenceBand::Positive : valence < -0.15 ? ValenceBand::Negative : ValenceBand::Neutral;
}

ArousalBand arousalBand(double arousal) {
  return arousal > 0.2 ? ArousalBand::Lively : arousal < -0.2 ? ArousalBand::Calm : ArousalBand::Moderate;
}

MoodMusic moodMusic(double valence, double arousal) {
  valence = std::clamp(std::isfinite(valence) ? valence : 0.0, -1.0, 1.0);
  arousal = std::clamp(std::isfinite(arousal) ? arousal : 0.0, -1.0, 1.0);
  const ValenceBand v = valenceBand(valence);
  const ArousalBand a = arousalBand(arousal);
  const MoodCell& cell = *std::find_if(kCells.begin(), kCells.end(),
                                       [&](const MoodCell& c) { return c.valence == v && c.arousal == a; });
  MoodMusic music;
  music.valence = valence;
  music.arousal = arousal;
  music.feeling = cell.feeling;
  music.key = cell.key;
  music.mode = cell.mode;
  music.numerals = cell.numerals;
  music.progression = cell.progression;
  music.instrument = cell.instrument;
  music.chordLowest = cell.chordLowest;
  music.chordHighest = cell.chordHighest;
  // Tempo follows energy first, mood second, within the page's 60-100 BPM.
  music.bpm = std::clamp(static_cast<int>(std::lround(78 + 16 * arousal + 4 * valence)), 60, 100);
  // Calm music keeps to the likeliest notes; lively music takes more chances.
  music.temperature = std::round(std::clamp(0.85 + 0.25 * arousal + 0.05 * valence, 0.6, 1.2) * 100) / 100;
  return music;
}

MoodMusic moodFromText(std::string_view text) {
  const SentimentReading reading = readSentiment(text);
  return moodMusic(reading.valence, reading.arousal);
}

nlohmann::json toJson(const MoodMusic& mood, const SentimentReading* reading) {
  const auto rounded = [](double value) { return std::round(value * 1000) / 1000; };
  nlohmann::json json = {{"valence", rounded(mood.valence)},
                         {"arousal", rounded(mood.arousal)},
                         {"feeling", mood.feeling},
                         {"key", mood.key},
                         {"mode", mood.mode},
                         {"numerals", mood.numerals},
                         {"progression", mood.progression},
                         {"bpm", mood.bpm},
                         {"instrument", mood.instrument},
                         {"temperature", mood.temperature},
                         {"register", {{"lowest", mood.chordLowest}, {"highest", mood.chordHighest}}}};
  if (reading) {
    nlohmann::json words = nlohmann::json::array();
    for (const RatedWord& word : reading->rated) words.push_back({{"word", word.word}, {"score", rounded(word.score)}});
    json["words"] = words;
    json["energy"] = {{"high", reading->highEnergyWords},
                      {"low", reading->lowEnergyWords},
                      {"exclamations", reading->exclamations},
                      {"intensifiers", reading->intensifiers},
                      {"softeners", reading->softeners}};
  }
  return json;
}

}  // namespace lofi::mood
