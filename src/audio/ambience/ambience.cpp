#include "audio/ambience/ambience.h"

#include <stdexcept>

namespace lofi {

const std::vector<AmbienceKind>& ambienceKinds() {
  static const std::vector<AmbienceKind> kinds = {
      {"rain", "steady rain: a broadband bed with droplets", synthesizeRain},
      {"wind", "wind: a slowly moving band of noise, in gusts", synthesizeWind},
      {"fireplace", "a fireplace: low roar with sparse crackles", synthesizeFireplace},
      {"waves", "ocean waves: slow swells of surf", synthesizeWaves},
      {"night", "a summer night: crickets over a quiet breeze", synthesizeNight},
      {"vinyl", "a record's run-out groove: crackle, hiss and rumble", synthesizeVinyl},
  };
  return kinds;
}

std::vector<std::string> ambienceNames() {
  std::vector<std::string> names;
  for (const AmbienceKind& kind : ambienceKinds()) names.push_back(kind.name);
  return names;
}

AudioBuffer synthesizeAmbience(const std::string& name, const AmbienceOptions& options) {
  for (const AmbienceKind& kind : ambienceKinds())
    if (kind.name == name) return kind.synthesize(options);
  std::string known;
  for (const std::string& n : ambienceNames()) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("unknown ambience '" + name + "' (known: " + known + ")");
}

}  // namespace lofi
