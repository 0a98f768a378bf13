#include "server/mood_handler.h"

#include "server/json_api.h"
#include "music/mood/mood.h"

namespace lofi::server {

using mood::moodMusic;
using mood::readSentiment;
using mood::SentimentReading;

const Schema& moodRequestSchema() {
  static const Schema schema{"mood request",
                             {{.name = "text", .type = FieldType::String, .required = true, .minLength = 1,
                               .maxLength = kMaxMoodTextCharacters}}};
  return schema;
}

void addMoodRoutes(httplib::Server& server, ServerContext& context) {
  server.Post("/api/mood", guardedPost([&context](const httplib::Request& request, httplib::Response& response,
                                                  const std::string& body) {
                ++context.apiRequests;
                const nlohmann::json json = validate(parseJsonObject(request, body), moodRequestSchema());
                const std::string& text = json["text"].get_ref<const std::string&>();
                const SentimentReading reading = readSentiment(text);
                nlohmann::json answer = toJson(moodMusic(reading.valence, reading.arousal), &reading);
                answer["text"] = text;
                sendJson(request, response, 200, answer);
              }));
}

}  // namespace lofi::server
