// The real `lofi serve`, started on a free loopback port: static files and
// their headers, path traversal attempts, every validation error, the mood
// endpoint, malformed and oversized requests, and a burst of clients.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <tuple>

#include "music/midi_file.h"
#include "music/score_io.h"
#include "music/theory/scale.h"
#include "server_process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* kSecret = "top secret: outside the web root";

void writeFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// A plain TCP connection to the server, for requests no HTTP client would send.
class RawConnection {
 public:
  RawConnection(int port, int timeoutMs) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { close(fd_); }

  void send(const std::string& bytes) {
    for (std::size_t sent = 0; connected_ && sent < bytes.size();) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
  }
  // Everything until the server closes or the timeout passes.
  std::string readAll() {
    std::string answer;
    char buffer[4096];
    for (ssize_t n; connected_ && (n = recv(fd_, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
    return answer;
  }
  // One answer: headers, then Content-Length bytes.
  std::string readAnswer() {
    std::string answer;
    char c;
    while (connected_ && answer.find("\r\n\r\n") == std::string::npos && recv(fd_, &c, 1, 0) == 1) answer.push_back(c);
    const std::size_t at = answer.find("Content-Length: ");
    std::size_t length = at == std::string::npos ? 0 : std::stoul(answer.substr(at + 16));
    std::string body(length, '\0');
    for (std::size_t got = 0; got < length;) {
      const ssize_t n = recv(fd_, body.data() + got, length - got, 0);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    return answer + body;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// One request on a fresh connection, bytes as given; the whole answer back.
std::string rawRequest(int port, const std::string& bytes, int timeoutMs = 3000) {
  RawConnection connection(port, timeoutMs);
  connection.send(bytes);
  return connection.readAll();
}

int statusOf(const std::string& rawAnswer) {
  if (rawAnswer.size() < 12 || rawAnswer.rfind("HTTP/1.", 0) != 0) return -1;
  return std::stoi(rawAnswer.substr(9, 3));
}

class ServerHttpTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = fs::temp_directory_path() / ("lofi-server-test-" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    const fs::path web = folder_ / "web", assets = folder_ / "assets";
    writeFile(web / "index.html", "<!doctype html><title>Lofi Station</title>");
    writeFile(web / "assets" / "index-B4xYz_9Q.js", repeated("export const notes = [60, 62, 64];\n", 200));
    writeFile(web / "assets" / "index-C1aB2c3D.css", repeated("body { margin: 0 }\n", 100));
    writeFile(web / "icon.svg", "<svg xmlns='http://www.w3.org/2000/svg'></svg>");
    writeFile(web / "wasm" / "dsp.wasm", std::string("\0asm\1\0\0\0", 8));
    writeFile(web / ".hidden", "hidden");
    writeFile(assets / "manifest.json", R"({"grooves": [], "ambiences": []})");
    std::string ogg = "OggS";
    for (int i = 0; i < 5000; ++i) ogg.push_back(static_cast<char>(i * 7919 % 251));
    writeFile(assets / "ambience" / "rain.ogg", ogg);
    writeFile(folder_ / "secret.txt", kSecret);
    fs::create_directory_symlink(folder_, web / "escape");            // a folder link leaving the root
    fs::create_symlink(folder_ / "secret.txt", web / "secret-link.txt");  // a file link leaving it
    fs::create_symlink(web / "index.html", web / "home.html");        // a link staying inside
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "serve", "--port", "0", "--web", web.string(), "--assets", assets.string(), "--threads", "2",
        "--model", LOFI_TEST_MODEL});
  }
  static void TearDownTestSuite() {
    server_.reset();
    fs::remove_all(folder_);
  }

  static httplib::Client client() {
    httplib::Client http("127.0.0.1", server_->port());
    http.set_read_timeout(10, 0);
    return http;
  }
  static std::string fileText(const std::string& relative) {
    std::ifstream in(folder_ / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  static json postJson(const std::string& path, const std::string& body, int expectedStatus,
                       const std::string& type = "application/json") {
    auto http = client();
    const auto result = http.Post(path.c_str(), body, type.c_str());
    EXPECT_TRUE(result) << path;
    if (!result) return {};
    EXPECT_EQ(result->status, expectedStatus) << path << " " << body << " -> " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json") << path;
    return json::parse(result->body, nullptr, false);
  }
  // Posts and checks for a 4xx JSON error whose message mentions `mention`.
  static void expectError(const std::string& path, const std::string& body, int status, const std::string& mention,
                          const std::string& type = "application/json") {
    const json answer = postJson(path, body, status, type);
    ASSERT_TRUE(answer.is_object() && answer.contains("error")) << body;
    EXPECT_NE(answer["error"].get<std::string>().find(mention), std::string::npos)
        << "error for " << body << " was: " << answer["error"];
  }

  static inline fs::path folder_;
  static inline std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServerHttpTest, PrintsItsLoopbackAddressAndIsHealthy) {
  EXPECT_NE(server_->firstLine().find("http://127.0.0.1:"), std::string::npos);
  auto http = client();
  const auto result = http.Get("/api/health");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json health = json::parse(result->body);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["page"], true);
  EXPECT_EQ(health["assets"], true);
}

TEST_F(ServerHttpTest, ServesIndexAtRootWithTypesAndCachingHeaders) {
  auto http = client();
  const auto index = http.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, fileText("web/index.html"));
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");
  EXPECT_FALSE(index->get_header_value("ETag").empty());
  EXPECT_FALSE(index->get_header_value("Last-Modified").empty());

  const std::vector<std::pair<std::string, std::string>> types = {
      {"/assets/index-B4xYz_9Q.js", "text/javascript; charset=utf-8"},
      {"/assets/index-C1aB2c3D.css", "text/css; charset=utf-8"},
      {"/icon.svg", "image/svg+xml"},
      {"/wasm/dsp.wasm", "application/wasm"},
      {"/assets/manifest.json", "application/json"},
      {"/assets/ambience/rain.ogg", "audio/ogg"},
  };
  for (const auto& [path, type] : types) {
    const auto result = http.Get(path.c_str());
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_EQ(result->get_header_value("Content-Type"), type) << path;
  }
  EXPECT_EQ(http.Get("/assets/index-B4xYz_9Q.js")->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(http.Get("/assets/manifest.json")->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(http.Get("/icon.svg")->get_header_value("Cache-Control"), "public, max-age=300");
  EXPECT_EQ(http.Get("/assets/ambience/rain.ogg")->body, fileText("assets/ambience/rain.ogg"));
}

TEST_F(ServerHttpTest, RevalidatesWithEtagAndLastModified) {
  auto http = client();
  const auto first = http.Get("/icon.svg");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  const auto byTag = http.Get("/icon.svg", {{"If-None-Match", etag}});
  ASSERT_TRUE(byTag);
  EXPECT_EQ(byTag->status, 304);
  EXPECT_TRUE(byTag->body.empty());
  const auto byDate = http.Get("/icon.svg", {{"If-Modified-Since", first->get_header_value("Last-Modified")}});
  EXPECT_EQ(byDate->status, 304);
  const auto otherTag = http.Get("/icon.svg", {{"If-None-Match", "W/\"0-0\""}});
  EXPECT_EQ(otherTag->status, 200);
  EXPECT_EQ(otherTag->body, fileText("web/icon.svg"));
}

TEST_F(ServerHttpTest, CompressesTextButNotAudio) {
  auto http = client();
  http.set_decompress(true);
  const auto js = http.Get("/assets/index-B4xYz_9Q.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(js->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_LT(std::stoul(js->get_header_value("Content-Length")), fileText("web/assets/index-B4xYz_9Q.js").size() / 4);
  EXPECT_EQ(js->body, fileText("web/assets/index-B4xYz_9Q.js"));  // decompressed by the client
  const auto refused = http.Get("/assets/index-B4xYz_9Q.js", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(refused->get_header_value("Content-Encoding"), "");
  const auto ogg = http.Get("/assets/ambience/rain.ogg", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(ogg->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(ogg->body, fileText("assets/ambience/rain.ogg"));
}

TEST_F(ServerHttpTest, ServesOneByteRangeAndRefusesImpossibleOnes) {
  auto http = client();
  const std::string ogg = fileText("assets/ambience/rain.ogg");
  const auto part = http.Get("/assets/ambience/rain.ogg", {{"Range", "bytes=100-199"}});
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body, ogg.substr(100, 100));
  const auto past = http.Get("/assets/ambience/rain.ogg", {{"Range", "bytes=999999-"}});
  EXPECT_EQ(past->status, 416);
  // Many ranges at once would multiply the answer: the whole file is sent once instead.
  std::string many = "bytes=0-";
  for (int i = 0; i < 200; ++i) many += ",0-";
  const auto whole = http.Get("/assets/ambience/rain.ogg", {{"Range", many}});
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->status, 200);
  EXPECT_EQ(whole->body, ogg);
}

TEST_F(ServerHttpTest, NeverServesAFileOutsideTheRoot) {
  const std::vector<std::string> attempts = {
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/%2E%2E/secret.txt",
      "/..%2fsecret.txt",
      "/assets/../../secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/./../secret.txt",
      "/..\\secret.txt",
      "/%5c..%5csecret.txt",
      "/escape/secret.txt",
      "/secret-link.txt",
      "//" + folder_.string() + "/secret.txt",
      folder_.string() + "/secret.txt",
      "/index.html%00.txt",
      "/.hidden",
      "/%2ehidden",
  };
  for (const std::string& path : attempts) {
    for (const char* method : {"GET", "HEAD"}) {
      const std::string answer = rawRequest(server_->port(), std::string(method) + " " + path +
                                                                 " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      const int status = statusOf(answer);
      EXPECT_TRUE(status == 400 || status == 404) << method << " " << path << " -> " << answer.substr(0, 200);
      EXPECT_EQ(answer.find(kSecret), std::string::npos) << path;
    }
  }
  // A link that stays inside the root is fine.
  auto http = client();
  EXPECT_EQ(http.Get("/home.html")->body, fileText("web/index.html"));
  EXPECT_TRUE(server_->running());
}

TEST_F(ServerHttpTest, UnknownPathsAndMethodsGetJsonErrors) {
  auto http = client();
  const auto missing = http.Get("/no/such/file.js");
  EXPECT_EQ(missing->status, 404);
  EXPECT_TRUE(json::parse(missing->body).contains("error"));
  const auto noEndpoint = http.Get("/api/nothing");
  EXPECT_EQ(noEndpoint->status, 404);
  EXPECT_NE(json::parse(noEndpoint->body)["error"].get<std::string>().find("/api/mood"), std::string::npos);
  const auto wrongMethod = http.Get("/api/mood");
  EXPECT_EQ(wrongMethod->status, 405);
  EXPECT_EQ(wrongMethod->get_header_value("Allow"), "POST");
  const auto postToHealth = http.Post("/api/health", "{}", "application/json");
  EXPECT_EQ(postToHealth->status, 405);
  EXPECT_EQ(http.Delete("/api/mood")->status, 405);
  EXPECT_EQ(http.Post("/somewhere", "{}", "application/json")->status, 404);
  const std::string odd = rawRequest(server_->port(), "BREW /api/mood HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 500);
  EXPECT_GE(statusOf(odd), 400);
}

TEST_F(ServerHttpTest, MoodRequestsAreValidated) {
  expectError("/api/mood", "", 400, "empty");
  expectError("/api/mood", "{\"text\": ", 400, "malformed JSON");
  expectError("/api/mood", "[\"text\"]", 400, "JSON object");
  expectError("/api/mood", "\"text\"", 400, "JSON object");
  expectError("/api/mood", "{}", 400, "'text' is required");
  expectError("/api/mood", R"({"text": 5})", 400, "'text' must be a string");
  expectError("/api/mood", R"({"text": ""})", 400, "'text' must not be empty");
  expectError("/api/mood", R"({"text": "ok", "colour": "blue"})", 400, "unknown field 'colour'");
  expectError("/api/mood", json{{"text", std::string(501, 'a')}}.dump(), 400, "at most 500 characters");
  expectError("/api/mood", repeated("[", 50) + repeated("]", 50), 400, "nested deeper");
  expectError("/api/mood", R"({"text": "calm"})", 415, "Content-Type", "text/csv");
  expectError("/api/mood", std::string(20000, ' ') + R"({"text": "x"})", 413, "larger than");
  // 500 characters of multi-byte text are within the limit.
  postJson("/api/mood", json{{"text", repeated("\xC3\xA9", 500)}}.dump(), 200);
}

TEST_F(ServerHttpTest, OversizedBodiesLeaveTheConnectionUsable) {
  httplib::Client http("127.0.0.1", server_->port());
  http.set_keep_alive(true);
  const auto big = http.Post("/api/mood", std::string(200000, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  const auto huge = http.Post("/api/mood", std::string(3 << 20, 'x'), "application/json");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  const auto after = http.Post("/api/mood", R"({"text": "fine"})", "application/json");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);

  // A chunked body of 2 MB: read and dropped, 413, and the next request on the same connection is answered.
  std::string chunked = "POST /api/mood HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(65536, 'y');
  for (int i = 0; i < 32; ++i) chunked += "10000\r\n" + chunk + "\r\n";
  chunked += "0\r\n\r\n";
  RawConnection connection(server_->port(), 5000);
  connection.send(chunked);
  EXPECT_EQ(statusOf(connection.readAnswer()), 413);
  connection.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string next = connection.readAnswer();
  EXPECT_EQ(statusOf(next), 200);
  EXPECT_NE(next.find("\"status\":\"ok\""), std::string::npos) << next.substr(0, 400);

  // A form upload is drained and refused.
  httplib::MultipartFormDataItems form = {{"text", "hello", "", ""}};
  const auto upload = http.Post("/api/mood", form);
  ASSERT_TRUE(upload);
  EXPECT_EQ(upload->status, 415);
}

// A request whose body's end is unknown is refused at once (the library
// would wait 10 s for bytes that never come), and its connection closed; one
// that says nothing of a body has none.
TEST_F(ServerHttpTest, BodiesOfUnknownLengthAreRefusedAtOnce) {
  const std::string post = "POST /api/mood HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {"Content-Length: -1\r\n\r\n{}", 400, "Content-Length '-1' is not a number of bytes"},
      {"Content-Length: 18446744073709551616\r\n\r\n{}", 400, "is not a number of bytes"},
      {"Content-Length: 9223372036854775807\r\n\r\n{}", 413, "larger than"},
      {"Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400, "Transfer-Encoding 'gzip, chunked'"},
      {"Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400, "both"},
      {"Transfer-Encoding: chunked\r\n\r\n-2\r\n{}\r\n0\r\n\r\n", 400, "could not be read"},
      {"Transfer-Encoding: chunked\r\n\r\nfffffffffff\r\n{}", 400, "could not be read"},
  };
  for (const auto& [rest, status, mention] : cases) {
    SCOPED_TRACE(rest);
    RawConnection connection(server_->port(), 5000);
    const auto start = std::chrono::steady_clock::now();
    connection.send(post + rest);
    const std::string answer = connection.readAnswer();
    EXPECT_EQ(statusOf(answer), status) << answer;
    EXPECT_NE(answer.find(mention), std::string::npos) << answer;
    EXPECT_EQ(connection.readAll(), "");  // closed: the rest of the bytes cannot be told from a next request
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  }
  // Neither Content-Length nor Transfer-Encoding: no body, and the connection goes on.
  RawConnection connection(server_->port(), 5000);
  const auto start = std::chrono::steady_clock::now();
  connection.send(post + "\r\n");
  const std::string answer = connection.readAnswer();
  EXPECT_EQ(statusOf(answer), 400) << answer;
  EXPECT_NE(answer.find("the request body is empty"), std::string::npos) << answer;
  connection.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(statusOf(connection.readAnswer()), 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // A DELETE without a body is answered at once too.
  EXPECT_EQ(statusOf(rawRequest(server_->port(), "DELETE /api/mood HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), 405);
}

// Numbers beyond a double (1e309, or 400 digits) are the client's error on
// every POST endpoint: a 400 naming the field, not a 500.
TEST_F(ServerHttpTest, NumbersBeyondADoubleAreA400NamingTheField) {
  const std::string huge = "1" + std::string(400, '0');
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"/api/generate", R"({"bars": 1e309, "temperature": 0.9, "topP": 0.95, "seed": 1})", "bars"},
      {"/api/generate", R"({"bars": 8, "temperature": -1e309, "topP": 0.95, "seed": 1})", "temperature"},
      {"/api/generate", R"({"bars": 8, "temperature": 0.9, "topP": 0.95, "seed": )" + huge + "}", "seed"},
      {"/api/generate", R"({"bars": 8, "temperature": 0.9, "topP": 0.95, "seed": 1234567890123456789012345})", "seed"},
      {"/api/mood", R"({"text": 1e309})", "text"},
      {"/api/speak", R"({"text": -1E+400})", "text"},
      {"/api/mood", R"({"text": "calm", "extra": [1, 2e999]})", "extra"},
  };
  for (const auto& [path, body, field] : cases) {
    const json answer = postJson(path, body, 400);
    ASSERT_TRUE(answer.is_object()) << body;
    EXPECT_EQ(answer.value("field", ""), field) << body << " -> " << answer;
    EXPECT_NE(answer["error"].get<std::string>().find("'" + field + "'"), std::string::npos) << answer;
  }
}

// A second server on a port in use fails, naming the port, instead of
// sharing it (SO_REUSEPORT) and taking half the requests.
TEST_F(ServerHttpTest, ASecondServerOnAPortInUseFailsNamingThePort) {
  const fs::path errors = folder_ / "second-server-stderr";
  const std::string port = std::to_string(server_->port());
  ServerProcess second({"serve", "--port", port, "--web", (folder_ / "web").string(), "--threads", "1"},
                       {.waitForAddress = false, .errorFile = errors.string()});
  for (int waited = 0; waited < 500 && second.running(); ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_FALSE(second.running()) << "a second server started on port " << port;
  EXPECT_EQ(second.stop(), 1);
  std::ifstream in(errors);
  const std::string said(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(said.find("port " + port + " is already in use"), std::string::npos) << said;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(client().Get("/api/health")->status, 200);
}

TEST_F(ServerHttpTest, MalformedRequestsDoNotHurtTheServer) {
  std::mt19937 random(7);
  for (int i = 0; i < 20; ++i) {
    std::string noise(1 + random() % 3000, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    rawRequest(server_->port(), noise, 200);
  }
  EXPECT_EQ(statusOf(rawRequest(server_->port(), "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 500)), 414);
  EXPECT_EQ(statusOf(rawRequest(server_->port(), "GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=zz\r\nConnection: close\r\n\r\n")), 416);
  const std::vector<std::string> badBodies = {
      "Content-Length: -5\r\n\r\n{}",
      "Content-Length: 99999999999999999999\r\n\r\n{}",
      "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
      "Content-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope",
  };
  for (const std::string& rest : badBodies) {
    const std::string answer = rawRequest(server_->port(), "POST /api/mood HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + rest, 500);
    EXPECT_TRUE(answer.empty() || statusOf(answer) >= 400) << rest << " -> " << answer.substr(0, 200);
  }
  EXPECT_TRUE(server_->running());
  EXPECT_EQ(client().Get("/api/health")->status, 200);
}

long residentKilobytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

TEST_F(ServerHttpTest, EndlessHeadersAreCutOffNotStored) {
  const long before = residentKilobytes(server_->pid());
  RawConnection connection(server_->port(), 2000);
  connection.send("GET / HTTP/1.1\r\nHost: x\r\n");
  const std::string lines = repeated("X-Filler: " + std::string(1000, 'y') + "\r\n", 1000);  // 1 MB
  for (int i = 0; i < 64; ++i) connection.send(lines);  // 64 MB, if the server kept reading
  connection.readAll();
  const long after = residentKilobytes(server_->pid());
  EXPECT_LT(after - before, 32 * 1024) << "resident memory grew from " << before << " kB to " << after << " kB";
  EXPECT_TRUE(server_->running());
  EXPECT_EQ(client().Get("/api/health")->status, 200);
}

TEST_F(ServerHttpTest, AnswersPipelinedRequests) {
  const std::string answers = rawRequest(server_->port(),
                                         "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                                         "GET /icon.svg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(answers.find("\"status\":\"ok\""), std::string::npos);
  EXPECT_NE(answers.find("<svg"), std::string::npos);
}

TEST_F(ServerHttpTest, MoodEndpointMapsClearSentences) {
  const json sad = postJson("/api/mood", R"({"text": "rainy sunday, a bit sad and lonely"})", 200);
  EXPECT_EQ(sad["mode"], "minor");
  EXPECT_LT(sad["valence"].get<double>(), 0);
  EXPECT_LT(sad["arousal"].get<double>(), 0);
  EXPECT_LE(sad["bpm"].get<int>(), 70);
  const json happy = postJson("/api/mood", R"({"text": "So excited for the party tonight, I love this!!"})", 200);
  EXPECT_EQ(happy["mode"], "major");
  EXPECT_GT(happy["valence"].get<double>(), 0);
  EXPECT_GT(happy["arousal"].get<double>(), 0);
  EXPECT_GE(happy["bpm"].get<int>(), 88);
  EXPECT_GT(happy["temperature"].get<double>(), sad["temperature"].get<double>());
  EXPECT_FALSE(happy["progression"].get<std::string>().empty());
}

TEST_F(ServerHttpTest, SpeaksTextThroughTheRadioAsOgg) {
  auto http = client();
  const auto spoken = http.Post("/api/speak", R"({"text": "The rain will stop by morning."})", "application/json");
  ASSERT_TRUE(spoken);
  ASSERT_EQ(spoken->status, 200) << spoken->body;
  EXPECT_EQ(spoken->get_header_value("Content-Type"), "audio/ogg");
  EXPECT_EQ(spoken->body.substr(0, 4), "OggS");
  EXPECT_GT(spoken->body.size(), 2000u);
  expectError("/api/speak", R"({"text": ""})", 400, "'text' must not be empty");
  expectError("/api/speak", R"({"text": "   "})", 400, "'text' cannot be spoken");
  expectError("/api/speak", json{{"text", std::string(401, 'a')}}.dump(), 400, "at most 400 characters");
  expectError("/api/speak", R"({"text": ["a"]})", 400, "'text' must be a string");
  expectError("/api/speak", R"({"text": "hi", "voice": "robot"})", 400, "unknown field 'voice'");
  expectError("/api/speak", R"({"words": "hi"})", 400, "unknown field 'words'");
}

TEST_F(ServerHttpTest, ABurstOfClientsIsServed) {
  constexpr int kClients = 48, kRequestsEach = 10;
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      httplib::Client http("127.0.0.1", server_->port());
      http.set_keep_alive(true);
      http.set_read_timeout(20, 0);
      for (int r = 0; r < kRequestsEach; ++r) {
        const bool mood = (c + r) % 2 == 0;
        const auto result = mood ? http.Post("/api/mood", R"({"text": "a quiet night"})", "application/json")
                                 : http.Get("/assets/index-B4xYz_9Q.js");
        if (result && result->status == 200) {
          ++ok;
        } else {
          ++failed;
          ADD_FAILURE() << (mood ? "mood" : "static") << " request " << r << " of client " << c << ": "
                        << (result ? std::to_string(result->status) : httplib::to_string(result.error()));
        }
      }
    });
  for (std::thread& thread : clients) thread.join();
  EXPECT_EQ(ok.load(), kClients * kRequestsEach);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_TRUE(server_->running());
}

// The suite's server generates with a tiny model trained at build time
// (tests/CMakeLists.txt), named with --model: a server that cannot load it
// does not start, and every test of the suite fails.
json generateBody(int seed, int bars = 8) {
  return {{"bars", bars}, {"temperature", 0.9}, {"topP", 0.95}, {"seed", seed}};
}

TEST_F(ServerHttpTest, InfoNamesTheModelEncodingVocabularyAndVersions) {
  const auto result = client().Get("/api/info");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  const json info = json::parse(result->body);
  EXPECT_FALSE(info["model"]["source"].get<std::string>().empty());
  EXPECT_FALSE(info["encoding"].get<std::string>().empty());
  EXPECT_GT(info["vocabulary"]["size"].get<int>(), 10);
  EXPECT_GT(info["model"]["parameters"].get<long>(), 1000);
  EXPECT_EQ(info["versions"]["cpp-httplib"], CPPHTTPLIB_VERSION);
  EXPECT_TRUE(info["versions"].contains("lofi"));
}

TEST_F(ServerHttpTest, GeneratesNotesInBeatsAndTransportTime) {
  const json track = postJson("/api/generate", generateBody(42).dump(), 200);
  ASSERT_TRUE(track.contains("notes"));
  ASSERT_FALSE(track["notes"].empty());
  for (const json& note : track["notes"]) {
    EXPECT_GE(note["onsetBeats"].get<double>(), 0);
    EXPECT_LT(note["onsetBeats"].get<double>(), 8 * 4);
    EXPECT_GT(note["durationBeats"].get<double>(), 0);
    EXPECT_LE(note["onsetBeats"].get<double>() + note["durationBeats"].get<double>(), 8 * 4 + 1e-9);
    EXPECT_TRUE(note["time"].is_string());
    EXPECT_TRUE(note["duration"].is_string());
    EXPECT_GE(note["pitch"].get<int>(), 0);
    EXPECT_LE(note["pitch"].get<int>(), 127);
    EXPECT_GT(note["velocity"].get<int>(), 0);
  }
  EXPECT_EQ(track["seed"], 42);
  EXPECT_EQ(track["bpm"], 80);
  EXPECT_EQ(track["bars"], 8);
  EXPECT_TRUE(track["chords"].empty());
  // No key asked for: the answer names the key the notes are in.
  EXPECT_NO_THROW(lofi::theory::parseScale(track["key"].get<std::string>())) << track["key"];
  EXPECT_EQ(track["steering"], "none");
}

TEST_F(ServerHttpTest, SameRequestAndSeedGiveTheSameNotes) {
  const json first = postJson("/api/generate", generateBody(7).dump(), 200);
  const json again = postJson("/api/generate", generateBody(7).dump(), 200);
  const json other = postJson("/api/generate", generateBody(8).dump(), 200);
  EXPECT_EQ(first["notes"], again["notes"]);
  EXPECT_NE(first["notes"], other["notes"]);
  // ...and the same when the request is batched with others.
  std::vector<json> answers(16);
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&, i] {
      auto http = client();
      const auto result = http.Post("/api/generate", generateBody(i % 2 == 0 ? 7 : 100 + i).dump(), "application/json");
      if (result && result->status == 200) answers[i] = json::parse(result->body);
    });
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < 16; i += 2) EXPECT_EQ(answers[i]["notes"], first["notes"]) << "batched request " << i;
  const json info = json::parse(client().Get("/api/info")->body);
  EXPECT_GT(info["batching"]["largestBatch"].get<int>(), 1) << info["batching"];
}

TEST_F(ServerHttpTest, ChordsKeyAndMoodShapeTheTrack) {
  json body = generateBody(3);
  body["chords"] = "Dm9 G13 Cmaj9 A7b9";
  body["key"] = "C major";
  body["bpm"] = 72;
  const json track = postJson("/api/generate", body.dump(), 200);
  ASSERT_EQ(track["chords"].size(), 8u);
  const std::vector<std::string> symbols = {"Dm9", "G13", "Cmaj9", "A7b9"};
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(track["chords"][i]["symbol"], symbols[i % 4]);
    EXPECT_DOUBLE_EQ(track["chords"][i]["onsetBeats"].get<double>(), 4.0 * i);
    EXPECT_DOUBLE_EQ(track["chords"][i]["durationBeats"].get<double>(), 4.0);
    EXPECT_GE(track["chords"][i]["pitches"].size(), 3u);
  }
  EXPECT_EQ(track["key"], "C major");
  EXPECT_EQ(track["bpm"], 72);
  // The classic encoding keeps the notes to chord and scale tones; others say how far they follow.
  const std::string steering = track["steering"];
  if (track["encoding"] == "classic") EXPECT_EQ(steering, "chords");
  else EXPECT_TRUE(steering == "chords" || steering == "key" || steering == "none") << steering;

  json moody = generateBody(3);
  moody["mood"] = "rainy sunday, a bit sad";
  const json sad = postJson("/api/generate", moody.dump(), 200);
  EXPECT_EQ(sad["mood"]["mode"], "minor");
  EXPECT_EQ(sad["key"], "C minor");
  EXPECT_EQ(sad["chords"][0]["symbol"], "Cm9");
  EXPECT_LE(sad["bpm"].get<double>(), 70);
  moody["bpm"] = 90;  // what the request says wins
  EXPECT_EQ(postJson("/api/generate", moody.dump(), 200)["bpm"], 90);
}

TEST_F(ServerHttpTest, GenerateRequestsAreValidated) {
  const auto with = [](const char* field, const json& value) {
    json body = generateBody(1);
    body[field] = value;
    return body.dump();
  };
  expectError("/api/generate", with("bars", 0), 400, "'bars' must be an integer from 1 to 64");
  expectError("/api/generate", with("bars", 65), 400, "'bars' must be an integer from 1 to 64");
  expectError("/api/generate", with("bars", "8"), 400, "'bars' must be an integer");
  expectError("/api/generate", with("bars", 8.5), 400, "'bars' must be an integer");
  expectError("/api/generate", with("temperature", 0), 400, "'temperature' must be a number from 0.05 to 2");
  expectError("/api/generate", with("temperature", 2.5), 400, "'temperature'");
  expectError("/api/generate", with("topP", 1.5), 400, "'topP' must be a number from 0.05 to 1");
  expectError("/api/generate", with("seed", -1), 400, "'seed' must be an integer from 0 to 2147483647");
  expectError("/api/generate", with("seed", 2147483648LL), 400, "'seed'");
  expectError("/api/generate", with("chords", "Dm9 Hm7 G7"), 400, "'Hm7'");
  expectError("/api/generate", with("chords", 5), 400, "'chords' must be a string");
  expectError("/api/generate", with("key", "Q major"), 400, "field 'key'");
  expectError("/api/generate", with("bpm", 300), 400, "'bpm' must be a number from 40 to 200");
  expectError("/api/generate", with("instrument", "kazoo tuba"), 400, "field 'instrument'");
  expectError("/api/generate", with("mood", std::string(501, 'a')), 400, "'mood' must have at most 500");
  expectError("/api/generate", with("length", 8), 400, "unknown field 'length'");
  expectError("/api/generate", "{\"bars\": 8,", 400, "malformed JSON");
}

TEST_F(ServerHttpTest, GenerateFillsInDefaultsAndReturnsTheSeedItChose) {
  const json chosen = postJson("/api/generate", R"({"bars": 4})", 200);
  ASSERT_TRUE(chosen["seed"].is_number_integer()) << chosen;
  EXPECT_EQ(chosen["bars"], 4);
  EXPECT_EQ(chosen["bpm"], 80);
  EXPECT_FALSE(chosen["notes"].empty());
  // The seed it chose makes the same track again.
  const json again = postJson("/api/generate", json{{"bars", 4}, {"seed", chosen["seed"]}}.dump(), 200);
  EXPECT_EQ(again["notes"], chosen["notes"]);
  EXPECT_EQ(postJson("/api/generate", "{}", 200)["bars"], 8);
}

// `lofi generate --json` and POST /api/generate read one request type and
// write one answer: the same request gives the same notes and chords.
TEST_F(ServerHttpTest, CommandLineAndApiGiveTheSameTrackForTheSameRequest) {
  const json request = {{"bars", 6}, {"seed", 12}, {"temperature", 0.8}, {"topP", 0.9}, {"key", "D minor"}};
  const json api = postJson("/api/generate", request.dump(), 200);
  const std::string command = std::string(LOFI_BINARY) + " generate --model " + LOFI_TEST_MODEL +
                              " --bars 6 --seed 12 --temperature 0.8 --top-p 0.9 --key 'D minor' --json 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, got);
  ASSERT_EQ(::pclose(pipe), 0) << command;
  const json cli = json::parse(output);
  ASSERT_FALSE(api["notes"].empty());
  EXPECT_EQ(cli["notes"], api["notes"]);
  EXPECT_EQ(cli["chords"], api["chords"]);
  EXPECT_EQ(cli["key"], api["key"]);
  EXPECT_EQ(cli["steering"], api["steering"]);
}

TEST_F(ServerHttpTest, MidiDownloadIsTheSameTrack) {
  json body = generateBody(11, 4);
  body["chords"] = "Am7 D9";
  const json track = postJson("/api/generate", body.dump(), 200);
  auto http = client();
  const auto midi = http.Get("/api/generate.mid?bars=4&temperature=0.9&topP=0.95&seed=11&chords=Am7%20D9");
  ASSERT_TRUE(midi);
  ASSERT_EQ(midi->status, 200) << midi->body;
  EXPECT_EQ(midi->get_header_value("Content-Type"), "audio/midi");
  EXPECT_NE(midi->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  const std::vector<std::uint8_t> bytes(midi->body.begin(), midi->body.end());
  const lofi::Score score = lofi::scoreFromMidi(lofi::midi::parse(bytes, "generate.mid"));
  ASSERT_EQ(score.parts.size(), 2u);  // the solo and the chords
  std::vector<int> pitches;
  for (const json& note : track["notes"]) pitches.push_back(note["pitch"]);
  std::vector<int> midiPitches;
  for (const lofi::Note& note : score.parts[0].notes) midiPitches.push_back(note.pitch);
  EXPECT_EQ(midiPitches, pitches);

  EXPECT_EQ(http.Get("/api/generate.mid?bars=4&temperature=0.9&topP=0.95")->status, 200);  // a seed is chosen
  EXPECT_EQ(http.Get("/api/generate.mid?bars=4&bars=5&temperature=0.9&topP=0.95&seed=1")->status, 400);
  EXPECT_EQ(http.Get("/api/generate.mid?bars=four&temperature=0.9&topP=0.95&seed=1")->status, 400);
  EXPECT_EQ(http.Get("/api/generate.mid?bars=4&temperature=0.9&topP=0.95&seed=1&x=%FF")->status, 400);
}

TEST_F(ServerHttpTest, RendersTheTrackThroughTheLofiChain) {
  auto http = client();
  http.set_read_timeout(60, 0);
  const auto ogg = http.Get("/api/render.ogg?bars=2&temperature=0.9&topP=0.95&seed=5&instrument=electric-piano");
  ASSERT_TRUE(ogg);
  ASSERT_EQ(ogg->status, 200) << ogg->body;
  EXPECT_EQ(ogg->get_header_value("Content-Type"), "audio/ogg");
  EXPECT_EQ(ogg->body.substr(0, 4), "OggS");
  EXPECT_GT(ogg->body.size(), 5000u);
  EXPECT_EQ(http.Get("/api/render.ogg?bars=100&temperature=0.9&topP=0.95&seed=5")->status, 400);
}

// A model trained on a melody alone writes chords of its own: the answer
// voices them (with pitches) so that the page can accompany the solo.
TEST(ServerMelodyModelTest, VoicesTheChordsAMelodyModelWrites) {
  ServerProcess server({"serve", "--port", "0", "--threads", "1", "--model", LOFI_TEST_MELODY_MODEL});
  httplib::Client http("127.0.0.1", server.port());
  http.set_read_timeout(20, 0);
  const auto result = http.Post("/api/generate", generateBody(11, 4).dump(), "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json track = json::parse(result->body);
  EXPECT_EQ(track["encoding"], "timed");
  ASSERT_FALSE(track["chords"].empty()) << result->body;
  for (const json& chord : track["chords"]) {
    EXPECT_FALSE(chord["pitches"].empty()) << chord;
    EXPECT_LT(chord["onsetBeats"].get<double>(), 4 * 4);
  }
  // Asked-for chords still win over the model's own.
  json asked = generateBody(11, 4);
  asked["chords"] = "Dm9 G13";
  const json steered = json::parse(http.Post("/api/generate", asked.dump(), "application/json")->body);
  ASSERT_EQ(steered["chords"].size(), 4u);
  EXPECT_EQ(steered["chords"][0]["symbol"], "Dm9");
  EXPECT_EQ(steered["chords"][1]["symbol"], "G13");
  EXPECT_EQ(steered["steering"], "chords");
}

std::string textOf(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Ending {
  int exitCode = -1;  // -1: still running 10 s after the signal
  long stoppedMs = -1;  // from the signal to "lofi serve: stopped" on stderr; -1: never said
  long exitedMs = -1;   // from the signal to the process's end
};

Ending signalAndTime(ServerProcess& server, int signal, const fs::path& errorFile) {
  const auto start = std::chrono::steady_clock::now();
  const auto since = [start] {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
  };
  Ending ending;
  kill(server.pid(), signal);
  while (since() < 10000) {
    if (ending.stoppedMs < 0 && textOf(errorFile).find("lofi serve: stopped") != std::string::npos)
      ending.stoppedMs = since();
    if (!server.running()) {
      ending.exitedMs = since();
      if (ending.stoppedMs < 0 && textOf(errorFile).find("lofi serve: stopped") != std::string::npos)
        ending.stoppedMs = ending.exitedMs;
      ending.exitCode = server.stop();  // the exit code of the ended process
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return ending;
}

// SIGTERM and SIGINT stop `lofi serve` within a second whenever they come:
// during start-up (the dynamic loader; loading the model and binding, found
// by watching the signals become blocked), right after "listening" (before
// the accept loop runs), a little later, and while clients are connected (an
// idle keep-alive connection, a request half sent, generations under way). Twenty starts in
// four tests (each a process of its own for ctest), each start signalled at
// another moment, on servers of the tests' own. The process ends a little
// after it says it stopped: LibTorch's static destructors take about 200 ms.
enum class When { StartingUp, Loading, Listening, Serving };

struct Moment {
  When when;
  int delayMs;  // after the launch when starting up, else after "listening"; -1: no pause at all
};

// True once the process blocks SIGINT and SIGTERM: `lofi serve` has begun
// and is loading the model or binding, and will take the signal when ready.
bool blocksStopSignals(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("SigBlk:", 0) == 0) {
      const unsigned long long blocked = std::stoull(line.substr(7), nullptr, 16);
      const unsigned long long stopSignals = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
      return (blocked & stopSignals) == stopSignals;
    }
  return false;
}

void expectStopsWithinASecond(const std::vector<Moment>& moments) {
  const fs::path folder = fs::temp_directory_path() / ("lofi-server-stop-test-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  const std::string errors = (folder / "stderr").string();
  const std::vector<std::string> arguments = {"serve", "--port", "0", "--threads", "1", "--connections", "8",
                                              "--web", (folder / "web").string(), "--assets",
                                              (folder / "assets").string()};
  const auto pause = [](int ms) {
    if (ms >= 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  };
  for (std::size_t i = 0; i < moments.size(); ++i) {
    const Moment moment = moments[i];
    const int signal = i % 2 == 0 ? SIGTERM : SIGINT;
    SCOPED_TRACE("start " + std::to_string(i) + ": " + (signal == SIGTERM ? "SIGTERM" : "SIGINT") + " " +
                 std::to_string(moment.delayMs) + " ms after " +
                 (moment.when == When::StartingUp ? "the launch"
                  : moment.when == When::Loading  ? "the signals were blocked"
                                                  : "\"listening\"") +
                 (moment.when == When::Serving ? ", with clients" : ""));
    ServerProcess server(arguments, {.waitForAddress = false, .errorFile = errors});
    if (moment.when == When::StartingUp) {
      pause(moment.delayMs);
      // Before `lofi serve` runs (the dynamic loader takes a few hundred ms)
      // the signal's default action ends the process; after, it stops cleanly.
      const Ending ending = signalAndTime(server, signal, errors);
      EXPECT_TRUE(ending.exitCode == 0 || ending.exitCode == 128 + signal) << "exit code " << ending.exitCode;
      EXPECT_TRUE(ending.exitCode != 0 || (ending.stoppedMs >= 0 && ending.stoppedMs <= 1000))
          << "stopped after " << ending.stoppedMs << " ms";
      continue;
    }
    if (moment.when == When::Loading) {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (!blocksStopSignals(server.pid()) && server.running() && std::chrono::steady_clock::now() < deadline) {
      }
      const Ending ending = signalAndTime(server, signal, errors);
      EXPECT_EQ(ending.exitCode, 0);
      EXPECT_TRUE(ending.stoppedMs >= 0 && ending.stoppedMs <= 1000)
          << "stopped after " << ending.stoppedMs << " ms (-1: never said so): " << textOf(errors);
      continue;
    }
    server.readAddress();
    std::unique_ptr<httplib::Client> idle;
    std::unique_ptr<RawConnection> halfSent;
    std::thread generating;
    std::atomic<int> generated{0};
    if (moment.when == When::Serving) {
      idle = std::make_unique<httplib::Client>("127.0.0.1", server.port());
      idle->set_keep_alive(true);
      const auto health = idle->Get("/api/health");
      ASSERT_TRUE(health && health->status == 200);
      halfSent = std::make_unique<RawConnection>(server.port(), 3000);
      halfSent->send("POST /api/mood HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\n\r\n{\"text\": ");
      generating = std::thread([&generated, port = server.port()] {
        httplib::Client http("127.0.0.1", port);
        http.set_keep_alive(true);
        const std::string body = generateBody(1, 2).dump();
        for (;;) {
          const auto result = http.Post("/api/generate", body, "application/json");
          if (!result || result->status != 200) break;
          ++generated;
        }
      });
      while (generated == 0 && server.running()) pause(1);
    }
    pause(moment.delayMs);
    const Ending ending = signalAndTime(server, signal, errors);
    if (generating.joinable()) generating.join();
    EXPECT_EQ(ending.exitCode, 0) << "-1: still running 10 s after the signal";
    EXPECT_TRUE(ending.stoppedMs >= 0 && ending.stoppedMs <= 1000)
        << "stopped after " << ending.stoppedMs << " ms (-1: never said so): " << textOf(errors);
    EXPECT_LE(ending.exitedMs, 3000) << "ms to exit";
  }
  fs::remove_all(folder);
}

TEST(ServerStop, DuringStartUp) {
  expectStopsWithinASecond({{When::StartingUp, 0}, {When::StartingUp, 30}, {When::StartingUp, 150},
                            {When::Loading, 0}, {When::Loading, 0}});
}

TEST(ServerStop, RightAfterListening) {
  expectStopsWithinASecond({{When::Listening, -1}, {When::Listening, 0}, {When::Listening, 1},
                            {When::Listening, 2}, {When::Listening, 5}});
}

TEST(ServerStop, WhileIdle) {
  expectStopsWithinASecond({{When::Listening, 10}, {When::Listening, 20}, {When::Listening, 50},
                            {When::Listening, 100}, {When::Listening, 250}});
}

TEST(ServerStop, WhileServing) {
  expectStopsWithinASecond({{When::Serving, 0}, {When::Serving, 5}, {When::Serving, 30}, {When::Serving, 100},
                            {When::Serving, 250}});
}

}  // namespace
