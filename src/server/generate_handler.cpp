#include "server/generate_handler.h"

#include "music/midi_file.h"
#include "music/score_io.h"
#include "server/generate_request.h"
#include "server/json_api.h"
#include "server/response_body.h"

namespace lofi::server {
namespace {

std::string fileName(const Solo& track, const char* extension) {
  return "lofi-" + std::to_string(track.settings.seed) + "-" + std::to_string(track.settings.bars) + "bars" + extension;
}

void attach(httplib::Response& response, const std::string& name) {
  response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
}

}  // namespace

void addGenerateRoutes(httplib::Server& server, ServerContext& context, GenerationService& generation,
                       TrackRenderer& renderer, WorkGate& audioGate) {
  server.Post("/api/generate",
              guardedPost([&context, &generation](const httplib::Request& request, httplib::Response& response,
                                                  const std::string& body) {
                ++context.apiRequests;
                const nlohmann::json json = validate(parseJsonObject(request, body), generateRequestSchema());
                const Solo track = generation.generate(generateSettings(json));
                sendJson(request, response, 200, toJson(track));
              }));

  server.Get("/api/generate.mid",
             guardedGet([&context, &generation](const httplib::Request& request, httplib::Response& response) {
               ++context.apiRequests;
               const Solo track = generation.generate(generateSettings(fromQuery(request.params, generateRequestSchema())));
               const std::vector<std::uint8_t> bytes = midi::serialize(midiFromScore(arrangement(track)));
               attach(response, fileName(track, ".mid"));
               sendContent(request, response, 200, std::string(bytes.begin(), bytes.end()), "audio/midi", true);
             }));

  server.Get("/api/render.ogg", guardedGet([&context, &generation, &renderer, &audioGate](const httplib::Request& request,
                                                                                          httplib::Response& response) {
               ++context.apiRequests;
               const Solo track = generation.generate(generateSettings(fromQuery(request.params, generateRequestSchema())));
               std::string ogg;
               {
                 const WorkGate::Pass pass = audioGate.enter();
                 ogg = renderer.renderOgg(arrangement(track));
               }
               attach(response, fileName(track, ".ogg"));
               sendContent(request, response, 200, std::move(ogg), "audio/ogg", false);
             }));
}

}  // namespace lofi::server
