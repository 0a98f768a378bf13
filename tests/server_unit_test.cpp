// The server's pure parts, in process: URL paths under a root, content
// types, gzip, caching rules, HTTP dates, request body framing, the request
// schema checker, and
// the sentiment reading and mood mapping on sentences whose answer is clear.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "server/api_error.h"
#include "server/body_framing.h"
#include "server/gzip.h"
#include "server/http_date.h"
#include "server/mime_types.h"
#include "server/request_validation.h"
#include "server/safe_path.h"
#include "server/static_files.h"

namespace {

namespace fs = std::filesystem;
using namespace lofi::server;
using nlohmann::json;

std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  inflateInit2(&stream, 15 + 16);
  std::string out(std::size_t{1} << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return result == Z_STREAM_END ? out : "<inflate failed>";
}

TEST(SafePath, RefusesDotSegmentsBackslashesAndNul) {
  EXPECT_EQ(checkUrlPath("/index.html"), PathVerdict::Ok);
  EXPECT_EQ(checkUrlPath("/assets/a-b.js"), PathVerdict::Ok);
  EXPECT_EQ(checkUrlPath("/"), PathVerdict::Ok);
  EXPECT_EQ(checkUrlPath("/a..b/c"), PathVerdict::Ok);  // dots inside a name are a name
  EXPECT_EQ(checkUrlPath("/../etc/passwd"), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath("/a/../../b"), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath("/a/.."), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath("/./a"), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath("/a\\..\\b"), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath(std::string_view("/a\0b", 4)), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath("relative/path"), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath(""), PathVerdict::Malformed);
  EXPECT_EQ(checkUrlPath("/.git/config"), PathVerdict::Hidden);
  EXPECT_EQ(checkUrlPath("/a/.env"), PathVerdict::Hidden);
}

TEST(SafePath, FollowsLinksOnlyWhenTheyStayInside) {
  const fs::path base = fs::temp_directory_path() / ("lofi-safe-path-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "root" / "sub");
  std::ofstream(base / "root" / "sub" / "in.txt") << "in";
  std::ofstream(base / "out.txt") << "out";
  fs::create_symlink(base / "out.txt", base / "root" / "leak.txt");
  fs::create_directory_symlink(base, base / "root" / "up");
  fs::create_symlink(base / "root" / "sub" / "in.txt", base / "root" / "alias.txt");
  const std::string root = *realRoot((base / "root").string());
  EXPECT_EQ(resolveUnderRoot(root, "/sub/in.txt"), root + "/sub/in.txt");
  EXPECT_EQ(resolveUnderRoot(root, "/alias.txt"), root + "/sub/in.txt");
  EXPECT_EQ(resolveUnderRoot(root, "/leak.txt"), std::nullopt);
  EXPECT_EQ(resolveUnderRoot(root, "/up/out.txt"), std::nullopt);
  // Out and back in lands inside: only where a path ends up counts.
  EXPECT_EQ(resolveUnderRoot(root, "/up/root/sub/in.txt"), root + "/sub/in.txt");
  EXPECT_EQ(resolveUnderRoot(root, "/../out.txt"), std::nullopt);
  EXPECT_EQ(resolveUnderRoot(root, "/missing.txt"), std::nullopt);
  EXPECT_EQ(resolveUnderRoot(root, "//" + (base / "out.txt").string()), std::nullopt);
  EXPECT_EQ(realRoot((base / "nowhere").string()), std::nullopt);
  fs::remove_all(base);
}

TEST(MimeTypes, KnowsThePagesFiles) {
  EXPECT_EQ(mimeTypeFor("/index.html").type, "text/html; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("/assets/index-B4x.js").type, "text/javascript; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("/a.JSON").type, "application/json");
  EXPECT_EQ(mimeTypeFor("/a.svg").type, "image/svg+xml");
  EXPECT_EQ(mimeTypeFor("/a.wasm").type, "application/wasm");
  EXPECT_EQ(mimeTypeFor("/rain.ogg").type, "audio/ogg");
  EXPECT_EQ(mimeTypeFor("/a.mp3").type, "audio/mpeg");
  EXPECT_EQ(mimeTypeFor("/a.css").type, "text/css; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("/noextension").type, "application/octet-stream");
  EXPECT_EQ(mimeTypeFor("/dir.v2/file").type, "application/octet-stream");
  EXPECT_TRUE(mimeTypeFor("/a.js").compressible);
  EXPECT_FALSE(mimeTypeFor("/a.ogg").compressible);
  EXPECT_FALSE(mimeTypeFor("/a.png").compressible);
}

TEST(Gzip, RoundTripsAndReadsAcceptEncoding) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "lo-fi beats to study to " + std::to_string(i % 7) + "\n";
  const std::string compressed = gzipCompress(text);
  EXPECT_LT(compressed.size(), text.size() / 5);
  EXPECT_EQ(gunzip(compressed), text);
  EXPECT_EQ(gunzip(gzipCompress("")), "");
  EXPECT_TRUE(acceptsGzip("gzip"));
  EXPECT_TRUE(acceptsGzip("gzip, deflate, br, zstd"));
  EXPECT_TRUE(acceptsGzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(acceptsGzip("*"));
  EXPECT_FALSE(acceptsGzip(""));
  EXPECT_FALSE(acceptsGzip("br, deflate"));
  EXPECT_FALSE(acceptsGzip("gzip;q=0"));
  EXPECT_FALSE(acceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(acceptsGzip("xgzip"));
}

TEST(CacheControl, HashedBuildFilesAreImmutableEntryPointsRevalidate) {
  EXPECT_EQ(cacheControlFor("assets/index-BvKMQ4sd.js", true), "public, max-age=31536000, immutable");
  EXPECT_EQ(cacheControlFor("assets/SongLibrary-a1_b2-C3.js", true), "public, max-age=31536000, immutable");
  EXPECT_EQ(cacheControlFor("assets/index-BvKMQ4sd.js", false), "public, max-age=300");  // not a Vite root
  EXPECT_EQ(cacheControlFor("assets/logo.svg", true), "public, max-age=300");           // no hash
  EXPECT_EQ(cacheControlFor("index.html", true), "no-cache");
  EXPECT_EQ(cacheControlFor("manifest.json", false), "no-cache");
  EXPECT_EQ(cacheControlFor("piano/C4.ogg", false), "public, max-age=300");
}

TEST(HttpDate, FormatsAndParsesImfFixdate) {
  EXPECT_EQ(formatHttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), std::optional<std::time_t>(784111777));
  EXPECT_EQ(parseHttpDate("yesterday"), std::nullopt);
  EXPECT_EQ(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT trailing"), std::nullopt);
}

const Schema kSchema{"test request",
                     {{.name = "bars", .type = FieldType::Integer, .required = true, .min = 1, .max = 64},
                      {.name = "temperature", .type = FieldType::Number, .required = true, .min = 0.05, .max = 2},
                      {.name = "chords", .type = FieldType::String, .maxLength = 10},
                      {.name = "loop", .type = FieldType::Boolean}}};

// The ApiError message for a body, or "" when it passes.
std::string errorFor(const json& body) {
  try {
    validate(body, kSchema);
    return "";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status(), 400);
    return error.what();
  }
}

httplib::Headers headers(std::initializer_list<std::pair<std::string, std::string>> fields) {
  httplib::Headers made;
  for (const auto& [name, value] : fields) made.emplace(name, value);
  return made;
}

TEST(BodyFraming, RefusesLengthsAndEncodingsThatDoNotSayWhereTheBodyEnds) {
  constexpr std::uint64_t kMax = 4 << 20;
  EXPECT_FALSE(bodyFramingError(headers({}), kMax));
  EXPECT_FALSE(bodyFramingError(headers({{"Content-Length", "0"}}), kMax));
  EXPECT_FALSE(bodyFramingError(headers({{"Content-Length", "4194304"}}), kMax));
  EXPECT_FALSE(bodyFramingError(headers({{"transfer-encoding", "Chunked"}}), kMax));
  for (const char* length : {"-1", "18446744073709551616", "99999999999999999999", "1e3", "+5", "5 5", "0x10", ""}) {
    const auto error = bodyFramingError(headers({{"Content-Length", length}}), kMax);
    ASSERT_TRUE(error) << length;
    EXPECT_EQ(error->status, 400) << length;
    EXPECT_NE(error->message.find("Content-Length"), std::string::npos) << error->message;
  }
  const auto tooLarge = bodyFramingError(headers({{"Content-Length", "4194305"}}), kMax);
  ASSERT_TRUE(tooLarge);
  EXPECT_EQ(tooLarge->status, 413);
  for (const char* encoding : {"gzip, chunked", "gzip", "chunked, gzip", "identity", ""}) {
    const auto error = bodyFramingError(headers({{"Transfer-Encoding", encoding}}), kMax);
    ASSERT_TRUE(error) << encoding;
    EXPECT_EQ(error->status, 400);
    EXPECT_NE(error->message.find("Transfer-Encoding"), std::string::npos) << error->message;
  }
  EXPECT_TRUE(bodyFramingError(headers({{"Transfer-Encoding", "chunked"}, {"Content-Length", "5"}}), kMax));
  EXPECT_TRUE(bodyFramingError(headers({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}}), kMax));
  EXPECT_TRUE(bodyFramingError(headers({{"Content-Length", "5"}, {"Content-Length", "5"}}), kMax));
  EXPECT_TRUE(saysNoBody(headers({{"Host", "x"}})));
  EXPECT_FALSE(saysNoBody(headers({{"Content-Length", "0"}})));
  EXPECT_TRUE(isChunked(headers({{"Transfer-Encoding", " chunked "}})));
}

TEST(BodyFraming, FollowsAChunkedBodyInPiecesOfAnySize) {
  const std::string body = "5\r\nhello\r\n1a;name=value\r\n" + std::string(26, 'x') + "\r\n0\r\nX-Trailer: 1\r\n\r\n";
  for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{7}, body.size()}) {
    ChunkedBodyCheck check(1 << 20);
    for (std::size_t at = 0; at < body.size(); at += piece)
      ASSERT_TRUE(check.feed(std::string_view(body).substr(at, piece))) << piece << ": " << check.problem();
    EXPECT_TRUE(check.finished()) << piece;
  }
  ChunkedBodyCheck empty(1 << 20);
  EXPECT_TRUE(empty.feed("0\r\n\r\n"));
  EXPECT_TRUE(empty.finished());
}

TEST(BodyFraming, StopsAtTheFirstBrokenChunk) {
  const std::vector<std::pair<std::string, std::string>> broken = {
      {"-2\r\nab\r\n", "not a hexadecimal number"},
      {"zz\r\n", "not a hexadecimal number"},
      {"5x\r\nhello\r\n", "not a hexadecimal number"},
      {"ffffffffffffffffff\r\n", "larger than"},
      {"500001\r\n", "larger than"},
      {"3\r\nhello\r\n", "longer than its size"},
      {"3\rx", "CRLF"},
  };
  for (const auto& [bytes, problem] : broken) {
    ChunkedBodyCheck check(4 << 20);
    EXPECT_FALSE(check.feed(bytes)) << bytes;
    EXPECT_TRUE(check.broken()) << bytes;
    EXPECT_NE(check.problem().find(problem), std::string::npos) << bytes << ": " << check.problem();
  }
}

TEST(RequestValidation, NamesTheFieldAndWhatItMustBe) {
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", 0.9}}), "");
  EXPECT_EQ(errorFor({{"bars", 8.0}, {"temperature", 1}, {"chords", "Dm9 G13"}, {"loop", true}}), "");
  EXPECT_EQ(errorFor({{"temperature", 0.9}}), "field 'bars' is required in the test request");
  EXPECT_EQ(errorFor({{"bars", "8"}, {"temperature", 0.9}}), "field 'bars' must be an integer from 1 to 64, not string");
  EXPECT_EQ(errorFor({{"bars", 8.5}, {"temperature", 0.9}}), "field 'bars' must be an integer from 1 to 64, not 8.5");
  EXPECT_EQ(errorFor({{"bars", 65}, {"temperature", 0.9}}), "field 'bars' must be an integer from 1 to 64, not 65");
  EXPECT_EQ(errorFor({{"bars", 0}, {"temperature", 0.9}}), "field 'bars' must be an integer from 1 to 64, not 0");
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", 3}}), "field 'temperature' must be a number from 0.05 to 2, not 3");
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", nullptr}}), "field 'temperature' must be a number from 0.05 to 2, not null");
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", 1}, {"chords", 7}}), "field 'chords' must be a string, not number");
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", 1}, {"chords", "Dm9 G13 Cmaj9"}}),
            "field 'chords' must have at most 10 characters, not 13");
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", 1}, {"loop", "yes"}}), "field 'loop' must be true or false, not string");
  EXPECT_EQ(errorFor({{"bars", 8}, {"temperature", 1}, {"tempo", 80}}),
            "unknown field 'tempo' in the test request (known: bars, temperature, chords, loop)");
  EXPECT_EQ(errorFor(json::array()), "the test request must be a JSON object");
}

TEST(RequestValidation, ReadsQueryStringsIntoTypedValues) {
  const json body = fromQuery({{"bars", "8"}, {"temperature", "0.9"}, {"chords", "Dm9"}, {"loop", "true"}}, kSchema);
  EXPECT_EQ(body["bars"], 8);
  EXPECT_TRUE(body["bars"].is_number_integer());
  EXPECT_DOUBLE_EQ(body["temperature"].get<double>(), 0.9);
  EXPECT_EQ(body["chords"], "Dm9");
  EXPECT_EQ(body["loop"], true);
  const auto fails = [](std::multimap<std::string, std::string> query) {
    try {
      fromQuery(query, kSchema);
      return std::string();
    } catch (const ApiError& error) {
      return std::string(error.what());
    }
  };
  EXPECT_EQ(fails({{"bars", "eight"}, {"temperature", "1"}}), "field 'bars' must be an integer from 1 to 64, not 'eight'");
  EXPECT_EQ(fails({{"bars", "0x10"}, {"temperature", "1"}}), "field 'bars' must be an integer from 1 to 64, not '0x10'");
  EXPECT_EQ(fails({{"bars", "8"}, {"temperature", "nan"}}), "field 'temperature' must be a number from 0.05 to 2, not 'nan'");
  EXPECT_EQ(fails({{"bars", "8"}, {"bars", "9"}, {"temperature", "1"}}), "field 'bars' is given more than once");
  EXPECT_EQ(fails({{"bars", "8"}, {"temperature", "1"}, {"x", "1"}}),
            "unknown parameter 'x' in the test request (known: bars, temperature, chords, loop)");
  EXPECT_EQ(fails({{"temperature", "1"}}), "field 'bars' is required in the test request");
}

TEST(RequestValidation, CountsCharactersNotBytes) {
  EXPECT_EQ(characterCount("abc"), 3u);
  EXPECT_EQ(characterCount("\xC3\xA9t\xC3\xA9"), 3u);   // été
  EXPECT_EQ(characterCount("\xF0\x9F\x8E\xB9"), 1u);    // one emoji
}

}  // namespace
