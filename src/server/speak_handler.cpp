#include "server/speak_handler.h"

#include "audio/speech/quotes.h"
#include "server/json_api.h"
#include "server/response_body.h"

namespace lofi::server {

const Schema& speakRequestSchema() {
  static const Schema schema{"speak request",
                             {{.name = "text", .type = FieldType::String, .required = true, .minLength = 1,
                               .maxLength = kMaxSpokenCharacters}}};
  return schema;
}

void addSpeakRoutes(httplib::Server& server, ServerContext& context, WorkGate& gate) {
  server.Post("/api/speak", guardedPost([&context, &gate](const httplib::Request& request, httplib::Response& response,
                                                          const std::string& body) {
                ++context.apiRequests;
                const nlohmann::json json = validate(parseJsonObject(request, body), speakRequestSchema());
                const std::string& text = json["text"].get_ref<const std::string&>();
                std::vector<std::uint8_t> ogg;
                try {
                  const WorkGate::Pass pass = gate.enter();
                  ogg = speakQuoteOgg(text);
                } catch (const SpeechError& error) {
                  throw ApiError(400, std::string("field 'text' cannot be spoken: ") + error.what(), "text");
                }
                sendContent(request, response, 200, std::string(ogg.begin(), ogg.end()), "audio/ogg", false);
              }));
}

}  // namespace lofi::server
