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
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

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
        "serve", "--port", "0", "--web", web.string(), "--assets", assets.string(), "--threads", "2"});
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

// Last in the file: stopping ends the shared server.
TEST_F(ServerHttpTest, ZStopsCleanlyOnSigterm) {
  EXPECT_EQ(server_->stop(), 0);
}

}  // namespace
