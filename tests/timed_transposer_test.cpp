#include "music/timed/timed_encoding.h"

#include <gtest/gtest.h>

namespace lofi {
namespace {

TEST(TimedTransposer, MovesPitchesAndChordsOnly) {
  const TimedEncoding transposer;
  const Tokens tokens = {"start", "bar", "meter_4/4", "tempo_80", "pos_0", "chord_Dm9", "pitch_62", "dur_12",
                         "pos_12", "chord_NC", "pitch_65", "dur_6", "bar", "pos_0", "chord_F#m7b5", "end"};
  EXPECT_EQ(transposer.transpose(tokens, 2),
            (Tokens{"start", "bar", "meter_4/4", "tempo_80", "pos_0", "chord_Em9", "pitch_64", "dur_12", "pos_12",
                    "chord_NC", "pitch_67", "dur_6", "bar", "pos_0", "chord_Abm7b5", "end"}));
  EXPECT_EQ(transposer.transpose(transposer.transpose(tokens, -5).value(), 5), tokens);
  EXPECT_FALSE(transposer.transpose({"pitch_125"}, 3));
  EXPECT_THROW(transposer.transpose({"pitch_x"}, 1), std::invalid_argument);
  EXPECT_THROW(transposer.transpose({"chord_Hm7"}, 1), std::invalid_argument);
}

TEST(TimedTransposer, UnknownTokensAreNamed) {
  try {
    TimedEncoding().transpose({"start", "bar", "foo"}, 1);
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()), "timed token 2 'foo': unknown token");
  }
}

}  // namespace
}  // namespace lofi
