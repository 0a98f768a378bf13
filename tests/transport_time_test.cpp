#include "music/transport_time.h"

#include <gtest/gtest.h>

namespace lofi {
namespace {

TEST(TransportTime, ReadsBarsQuartersSixteenths) {
  EXPECT_DOUBLE_EQ(parseTransportTime("0:0:0"), 0.0);
  EXPECT_DOUBLE_EQ(parseTransportTime("2:1:0"), 9.0);  // third bar, second beat
  EXPECT_DOUBLE_EQ(parseTransportTime("1:0:2"), 4.5);
  EXPECT_DOUBLE_EQ(parseTransportTime("0:0:1.5"), 0.375);
  EXPECT_DOUBLE_EQ(parseTransportTime("1:0:0", 3), 3.0);
}

TEST(TransportTime, WritesWhatItReads) {
  for (double quarters : {0.0, 0.25, 1.0, 4.5, 9.0, 37.75, 1.0 / 3.0, 2.0 / 3.0, 100.0 + 1.0 / 3.0}) {
    const std::string text = formatTransportTime(quarters);
    EXPECT_NEAR(parseTransportTime(text), quarters, 1e-3) << text;
  }
  EXPECT_EQ(formatTransportTime(9.0), "2:1:0");
  EXPECT_EQ(formatTransportTime(4.5), "1:0:2");
  EXPECT_EQ(formatTransportTime(1.0 / 3.0), "0:0:1.333");
  EXPECT_EQ(formatTransportTime(3.0, 3), "1:0:0");
}

TEST(TransportTime, BadTextNamesItself) {
  for (const char* bad : {"", "1:2", "1:2:3:4", "a:0:0", "1.5:0:0", "-1:0:0", "0:0:x"}) {
    try {
      parseTransportTime(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find(std::string("'") + bad + "'"), std::string::npos) << error.what();
    }
  }
}

}  // namespace
}  // namespace lofi
