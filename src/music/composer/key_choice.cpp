#include "music/composer/key_choice.h"

#include <stdexcept>

namespace lofi::composer {
namespace {

// Position on the line of fifths: F -1, C 0, G 1 ... B 5; each sharp adds 7.
int lineOfFifths(theory::NoteName name) {
  static constexpr int kLetters[] = {0, 2, 4, -1, 1, 3, 5};  // C D E F G A B
  return kLetters[theory::letterIndex(name.letter)] + 7 * name.accidental;
}

}  // namespace

theory::Scale chooseKey(SeededRandom& random, bool minor) {
  const int lowest = minor ? kLowestMinorSignature : kLowestMajorSignature;
  return theory::scaleFromKeySignature(lowest + random.below(12), minor);
}

KeySignature keySignatureOf(const theory::Scale& key) {
  KeySignature signature;
  signature.minor = key.mode == theory::Mode::NaturalMinor;
  if (key.mode != theory::Mode::Major && !signature.minor)
    throw std::invalid_argument("keySignatureOf: " + theory::toString(key) + " is neither major nor minor");
  // A minor key shares the signature of the major key a minor third above.
  signature.sharps = lineOfFifths(key.tonic) - (signature.minor ? 3 : 0);
  return signature;
}

std::string keyLabel(const theory::Scale& key) { return "key: " + theory::toString(key); }

}  // namespace lofi::composer
