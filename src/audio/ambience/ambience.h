// Ambience, synthesized from noise and events, with no recordings: rain,
// wind, fireplace, waves, night (crickets) and vinyl crackle. Each is a
// stereo loop that repeats without a seam.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audio/audio_buffer.h"

namespace lofi {

struct AmbienceOptions {
  double loopSeconds = 32.0;
  int sampleRate = 44100;
  std::uint64_t seed = 1;
  double fadeSeconds = 2.0;  // the crossfade that closes continuous beds into a loop
};

struct AmbienceKind {
  std::string name;
  std::string description;
  AudioBuffer (*synthesize)(const AmbienceOptions&);
};

const std::vector<AmbienceKind>& ambienceKinds();
std::vector<std::string> ambienceNames();

// Throws std::invalid_argument naming the kinds when `name` is unknown. The
// result lasts loopSeconds exactly (vinyl rounds it to whole turns of the record).
AudioBuffer synthesizeAmbience(const std::string& name, const AmbienceOptions& options = {});

AudioBuffer synthesizeRain(const AmbienceOptions& options);
AudioBuffer synthesizeWind(const AmbienceOptions& options);
AudioBuffer synthesizeFireplace(const AmbienceOptions& options);
AudioBuffer synthesizeWaves(const AmbienceOptions& options);
AudioBuffer synthesizeNight(const AmbienceOptions& options);
AudioBuffer synthesizeVinyl(const AmbienceOptions& options);

// A record turns at 33 1/3 rpm: the vinyl loop holds whole turns of 1.8 s.
inline constexpr double kRecordTurnSeconds = 1.8;

}  // namespace lofi
