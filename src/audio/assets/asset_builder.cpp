#include "audio/assets/asset_builder.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "audio/ambience/ambience.h"
#include "audio/assets/content_hash.h"
#include "audio/audio_file.h"
#include "audio/grooves/groove.h"
#include "audio/samples/sample_set.h"
#include "audio/soundfont.h"
#include "audio/speech/quotes.h"
#include "common/atomic_file.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Writes files under the output folder and counts them.
class AssetWriter {
 public:
  AssetWriter(fs::path root, AssetReport& report) : root_(std::move(root)), report_(report) {}

  std::size_t write(const std::string& relativePath, const std::vector<std::uint8_t>& bytes) {
    const fs::path path = root_ / relativePath;
    fs::create_directories(path.parent_path());
    writeFileAtomically(path.string(), bytes);
    ++report_.files;
    report_.totalBytes += bytes.size();
    return bytes.size();
  }
  std::size_t write(const std::string& relativePath, const std::string& text) {
    return write(relativePath, std::vector<std::uint8_t>(text.begin(), text.end()));
  }
  std::size_t writeAudio(const std::string& relativePath, const AudioBuffer& audio, double quality) {
    return write(relativePath, encodeAudio(audio, audioFormatForPath(relativePath), {quality}));
  }

 private:
  fs::path root_;
  AssetReport& report_;
};

void say(const AssetOptions& options, const std::string& line) {
  if (options.log) options.log(line);
}

std::vector<std::string> drumNames() {
  std::vector<std::string> names;
  for (const DrumSampleSpec& drum : playerDrumKit()) names.push_back(drum.name);
  return names;
}

// Everything the assets depend on, short of the soundfont's bytes (its
// path, size and time stand for them: hashing 140 MB on every run would be slow).
std::string inputsHash(const AssetOptions& options, const std::string& soundfont) {
  ContentHash hash;
  hash.add(std::to_string(kManifestVersion)).add(options.generatorId);
  hash.add(readFileToString(options.dataDir + "/grooves.json")).add(readFileToString(options.dataDir + "/quotes.json"));
  hash.add(soundfont).add(std::to_string(fs::file_size(soundfont)));
  hash.add(std::to_string(fs::last_write_time(soundfont).time_since_epoch().count()));
  hash.add(options.ambienceSeconds).add(static_cast<double>(options.ambienceRate)).add(options.ambienceQuality);
  hash.add(options.sampleQuality).add(options.mp3Samples ? "mp3" : "ogg");
  return hash.hex();
}

// Up to date: the manifest carries the same hash, and every file it lists is
// there with the size it lists.
bool isUpToDate(const fs::path& root, const std::string& hash) {
  const fs::path manifestPath = root / "manifest.json";
  std::error_code error;
  if (!fs::is_regular_file(manifestPath, error)) return false;
  try {
    const auto manifest = nlohmann::json::parse(readFileToString(manifestPath.string()));
    if (manifest.value("inputsHash", "") != hash) return false;
    for (const char* list : {"grooves", "ambiences", "quotes", "instruments", "drumKit"}) {
      for (const auto& entry : manifest.at(list)) {
        std::uintmax_t listed = 0;
        for (const auto& file : entry.at("files")) {
          const std::uintmax_t size = fs::file_size(root / file.get<std::string>(), error);
          if (error) return false;
          listed += size;
        }
        if (listed != entry.at("size").get<std::uintmax_t>()) return false;
      }
    }
    return true;
  } catch (const std::exception&) {
    return false;  // unreadable or from another version: build again
  }
}

double milliseconds(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

// The fields every entry has. Sounds that do not loop have a null loopLength.
Json entry(const std::string& name, const std::vector<std::string>& files, double duration, const Json& loopLength,
           std::size_t size) {
  return {{"name", name}, {"files", files}, {"duration", milliseconds(duration)},
          {"loopLength", loopLength.is_number() ? Json(milliseconds(loopLength.get<double>())) : loopLength},
          {"size", size}};
}

Json buildGrooves(const AssetOptions& options, AssetWriter& writer) {
  const std::vector<Groove> grooves = readGrooves(options.dataDir + "/grooves.json", drumNames());
  Json all = Json::array();
  for (const Groove& groove : grooves) all.push_back(grooveToJson(groove));
  const std::size_t size = writer.write("grooves.json", Json{{"grooves", all}}.dump());
  Json list = Json::array();
  for (std::size_t i = 0; i < grooves.size(); ++i) {
    // At its own tempo; the page scales both with the tempo it plays at.
    const double seconds = kGrooveBars * 4 * 60.0 / grooves[i].bpm;
    Json item = entry(grooves[i].name, {"grooves.json"}, seconds, seconds, size);
    item["title"] = grooves[i].title;
    item["bpm"] = grooves[i].bpm;
    item["loopBars"] = kGrooveBars;
    item["stepsPerBar"] = kStepsPerBar;
    item["pattern"] = all[i]["steps"];
    list.push_back(item);
  }
  say(options, "grooves: " + std::to_string(grooves.size()));
  return list;
}

Json buildAmbiences(const AssetOptions& options, AssetWriter& writer) {
  Json list = Json::array();
  for (const AmbienceKind& kind : ambienceKinds()) {
    AmbienceOptions ambience;
    ambience.loopSeconds = options.ambienceSeconds;
    ambience.sampleRate = options.ambienceRate;
    const AudioBuffer loop = kind.synthesize(ambience);
    const std::string file = "ambience/" + kind.name + ".ogg";
    const std::size_t size = writer.writeAudio(file, loop, options.ambienceQuality);
    Json item = entry(kind.name, {file}, loop.seconds(), loop.seconds(), size);
    item["description"] = kind.description;
    list.push_back(item);
    say(options, "ambience: " + kind.name + " (" + std::to_string(size / 1024) + " KB)");
  }
  return list;
}

Json buildQuotes(const AssetOptions& options, AssetWriter& writer) {
  Json list = Json::array();
  for (const Quote& quote : readQuotes(options.dataDir + "/quotes.json")) {
    const AudioBuffer voice = speakQuote(quote.text);
    const std::string file = "quotes/" + quote.id + ".ogg";
    const std::size_t size = writer.writeAudio(file, voice, 0.3);
    Json item = entry(quote.id, {file}, voice.seconds(), nullptr, size);
    item["text"] = quote.text;
    item["author"] = quote.author;
    item["source"] = quote.source;
    list.push_back(item);
  }
  say(options, "quotes: " + std::to_string(list.size()));
  return list;
}

// One sample in Ogg Vorbis, and in MP3 too when asked.
std::vector<std::string> writeSample(const AssetOptions& options, AssetWriter& writer, const std::string& stem,
                                     const AudioBuffer& audio, std::size_t& size) {
  std::vector<std::string> files = {stem + ".ogg"};
  if (options.mp3Samples) files.push_back(stem + ".mp3");
  for (const std::string& file : files) size += writer.writeAudio(file, audio, options.sampleQuality);
  return files;
}

Json buildInstruments(const AssetOptions& options, FluidsynthRenderer& renderer, AssetWriter& writer,
                      AssetReport& report) {
  Json list = Json::array();
  for (const InstrumentSampleSpec& spec : playerInstruments()) {
    std::vector<std::string> files;
    Json oggMap = Json::object(), mp3Map = Json::object();
    std::size_t size = 0;
    double longest = 0;
    for (int note : minorThirdsFrom(spec.lowest, spec.highest)) {
      const AudioBuffer sample = renderInstrumentSample(renderer, spec, note);
      longest = std::max(longest, sample.seconds());
      const auto written = writeSample(options, writer, "samples/" + spec.name + "/" + noteFileStem(note), sample, size);
      files.insert(files.end(), written.begin(), written.end());
      oggMap[noteName(note)] = written[0];
      if (written.size() > 1) mp3Map[noteName(note)] = written[1];
    }
    report.sampleBytes += size;
    Json item = entry(spec.name, files, longest, nullptr, size);
    item["program"] = spec.program;
    item["samples"] = oggMap;
    if (options.mp3Samples) item["samplesMp3"] = mp3Map;
    list.push_back(item);
    say(options, "instrument: " + spec.name + " (" + std::to_string(oggMap.size()) + " notes, " +
                     std::to_string(size / 1024) + " KB)");
  }
  return list;
}

Json buildDrumKit(const AssetOptions& options, FluidsynthRenderer& renderer, AssetWriter& writer, AssetReport& report) {
  Json list = Json::array();
  for (const DrumSampleSpec& drum : playerDrumKit()) {
    const AudioBuffer sample = renderDrumSample(renderer, drum);
    std::size_t size = 0;
    const auto files = writeSample(options, writer, "drums/" + drum.name, sample, size);
    report.sampleBytes += size;
    Json item = entry(drum.name, files, sample.seconds(), nullptr, size);
    item["note"] = drum.note;
    list.push_back(item);
  }
  say(options, "drum kit: " + std::to_string(list.size()) + " sounds");
  return list;
}

}  // namespace

AssetReport buildAssets(const AssetOptions& options) {
  if (options.outDir.empty()) throw std::runtime_error("no output folder given for the assets");
  const fs::path root(options.outDir);
  const std::string soundfont = findSoundfont(options.soundfont);
  const std::string hash = inputsHash(options, soundfont);
  AssetReport report;
  report.manifestPath = (root / "manifest.json").string();
  if (!options.force && isUpToDate(root, hash)) {
    report.upToDate = true;
    return report;
  }
  fs::create_directories(root);
  AssetWriter writer(root, report);
  FluidsynthRenderer renderer(soundfont);
  Json manifest;
  manifest["version"] = kManifestVersion;
  manifest["inputsHash"] = hash;
  manifest["grooves"] = buildGrooves(options, writer);
  manifest["ambiences"] = buildAmbiences(options, writer);
  manifest["quotes"] = buildQuotes(options, writer);
  manifest["instruments"] = buildInstruments(options, renderer, writer, report);
  manifest["drumKit"] = buildDrumKit(options, renderer, writer, report);
  manifest["sampleBytes"] = report.sampleBytes;
  if (report.sampleBytes > kSampleBudgetBytes)
    throw std::runtime_error("the samples take " + std::to_string(report.sampleBytes) + " bytes, over the budget of " +
                             std::to_string(kSampleBudgetBytes));
  // The manifest goes last: until it is written, the folder is not up to date.
  writer.write("manifest.json", manifest.dump(1));
  return report;
}

}  // namespace lofi
