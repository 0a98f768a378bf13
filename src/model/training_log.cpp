#include "model/training_log.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace lofi {

nlohmann::json TrainingLog::toJson() const {
  nlohmann::json json = {{"epochs", nlohmann::json::array()}, {"steps", nlohmann::json::array()}};
  for (const EpochRecord& record : epochs)
    json["epochs"].push_back({{"epoch", record.epoch},
                              {"trainLoss", record.trainLoss},
                              {"validationLoss", record.validationLoss ? nlohmann::json(*record.validationLoss) : nlohmann::json()},
                              {"seconds", record.seconds},
                              {"tokensPerSecond", record.tokensPerSecond},
                              {"learningRate", record.learningRate}});
  for (const StepRecord& record : steps) json["steps"].push_back({record.step, record.loss});
  return json;
}

TrainingLog TrainingLog::fromJson(const nlohmann::json& json) {
  TrainingLog log;
  if (json.is_object() && json.empty()) return log;
  try {
    for (const nlohmann::json& entry : json.at("epochs")) {
      EpochRecord record;
      record.epoch = entry.at("epoch").get<int>();
      record.trainLoss = entry.at("trainLoss").get<double>();
      if (!entry.at("validationLoss").is_null()) record.validationLoss = entry.at("validationLoss").get<double>();
      record.seconds = entry.at("seconds").get<double>();
      record.tokensPerSecond = entry.at("tokensPerSecond").get<double>();
      record.learningRate = entry.at("learningRate").get<double>();
      log.epochs.push_back(record);
    }
    for (const nlohmann::json& entry : json.at("steps"))
      log.steps.push_back({entry.at(0).get<std::int64_t>(), entry.at(1).get<double>()});
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("training log: ") + error.what());
  }
  return log;
}

namespace {

struct Plot {
  double left = 70, top = 40, width = 640, height = 320;
  double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
  double x(double value) const { return left + (value - xMin) / (xMax - xMin) * width; }
  double y(double value) const { return top + height - (value - yMin) / (yMax - yMin) * height; }
};

std::string polyline(const Plot& plot, const std::vector<std::pair<double, double>>& points, const char* colour,
                     double strokeWidth, const char* extra = "") {
  if (points.empty()) return "";
  std::string text = "<polyline fill=\"none\" stroke=\"" + std::string(colour) + "\" stroke-width=\"" +
                     std::to_string(strokeWidth) + "\" " + extra + " points=\"";
  char buffer[64];
  for (const auto& [x, y] : points) {
    std::snprintf(buffer, sizeof buffer, "%.1f,%.1f ", plot.x(x), plot.y(y));
    text += buffer;
  }
  return text + "\"/>\n";
}

std::string label(double x, double y, const std::string& text, const char* anchor = "middle") {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
  return buffer + text + "</text>\n";
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

}  // namespace

std::string lossCurvesSvg(const TrainingLog& log, const std::string& title) {
  // Steps are drawn against epochs (fractional), so all curves share one axis.
  std::vector<std::pair<double, double>> stepPoints, trainPoints, validationPoints;
  const std::int64_t lastStep = log.steps.empty() ? 0 : log.steps.back().step;
  const double epochCount = log.epochs.empty() ? 1.0 : static_cast<double>(log.epochs.back().epoch);
  for (const StepRecord& record : log.steps)
    stepPoints.emplace_back(lastStep > 0 ? static_cast<double>(record.step) / lastStep * epochCount : 0.0, record.loss);
  for (const EpochRecord& record : log.epochs) {
    trainPoints.emplace_back(record.epoch, record.trainLoss);
    if (record.validationLoss) validationPoints.emplace_back(record.epoch, *record.validationLoss);
  }
  Plot plot;
  plot.xMax = std::max(1.0, epochCount);
  double lowest = std::numeric_limits<double>::infinity(), highest = 0;
  for (const auto* series : {&stepPoints, &trainPoints, &validationPoints})
    for (const auto& point : *series) {
      lowest = std::min(lowest, point.second);
      highest = std::max(highest, point.second);
    }
  if (!std::isfinite(lowest)) lowest = 0, highest = 1;
  plot.yMin = std::max(0.0, lowest - 0.05 * (highest - lowest + 1e-9));
  plot.yMax = highest + 0.05 * (highest - lowest + 1e-9) + 1e-9;

  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"420\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n<rect width=\"760\" height=\"420\" fill=\"white\"/>\n";
  svg += label(380, 22, title);
  svg += "<rect x=\"70\" y=\"40\" width=\"640\" height=\"320\" fill=\"none\" stroke=\"#888\"/>\n";
  for (int tick = 0; tick <= 4; ++tick) {
    const double value = plot.yMin + (plot.yMax - plot.yMin) * tick / 4.0;
    svg += label(64, plot.y(value) + 4, number(value), "end");
    const double epoch = plot.xMin + (plot.xMax - plot.xMin) * tick / 4.0;
    svg += label(plot.x(epoch), 378, number(epoch));
  }
  svg += label(390, 405, "epoch");
  svg += "<text x=\"18\" y=\"200\" transform=\"rotate(-90 18 200)\" text-anchor=\"middle\">loss (nats per token)</text>\n";
  svg += polyline(plot, stepPoints, "#bbb", 1);
  svg += polyline(plot, trainPoints, "#1f77b4", 2);
  svg += polyline(plot, validationPoints, "#d62728", 2, "stroke-dasharray=\"6 3\"");
  svg += "<text x=\"560\" y=\"60\" fill=\"#1f77b4\">train</text>\n";
  svg += "<text x=\"560\" y=\"76\" fill=\"#d62728\">validation</text>\n";
  svg += "<text x=\"560\" y=\"92\" fill=\"#999\">steps</text>\n";
  return svg + "</svg>\n";
}

}  // namespace lofi
