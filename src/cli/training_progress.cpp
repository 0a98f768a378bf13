#include "cli/training_progress.h"

#include <cmath>
#include <unistd.h>

namespace lofi::cli {

std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto total = static_cast<long long>(std::llround(seconds));
  char buffer[32];
  if (total >= 3600) std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  return buffer;
}

std::string progressLine(const TrainProgress& progress, int barWidth) {
  const double done = progress.steps > 0 ? static_cast<double>(progress.step) / progress.steps : 0;
  const int filled = static_cast<int>(done * barWidth);
  std::string bar(barWidth, ' ');
  for (int i = 0; i < filled && i < barWidth; ++i) bar[i] = '=';
  if (filled < barWidth) bar[filled] = '>';
  char buffer[256];
  char validation[32] = "-";
  if (progress.validationLoss) std::snprintf(validation, sizeof validation, "%.3f", *progress.validationLoss);
  const char* phase = progress.phase == TrainProgress::Phase::Validating ? " validating" : "";
  std::snprintf(buffer, sizeof buffer, "epoch %d/%d [%s] %lld/%lld loss %.3f val %s %.1fk tok/s left %s%s",
                progress.epoch, progress.epochs, bar.c_str(), static_cast<long long>(progress.step),
                static_cast<long long>(progress.steps), progress.loss, validation,
                progress.tokensPerSecond / 1000.0, formatDuration(progress.secondsLeft).c_str(), phase);
  return buffer;
}

TrainingProgressBar::TrainingProgressBar(std::FILE* out) : out_(out), terminal_(isatty(fileno(out)) != 0) {}

void TrainingProgressBar::draw(const std::string& line, bool keep) {
  if (terminal_) {
    std::fprintf(out_, "\r\033[K%s%s", line.c_str(), keep ? "\n" : "");
    barShown_ = !keep;
  } else if (keep) {
    std::fprintf(out_, "%s\n", line.c_str());
  }
  std::fflush(out_);
}

void TrainingProgressBar::update(const TrainProgress& progress) {
  const bool epochDone = progress.phase == TrainProgress::Phase::EpochDone;
  const auto now = std::chrono::steady_clock::now();
  // A terminal is redrawn ten times a second at most; epochs always get their line.
  if (!epochDone && (!terminal_ || now - lastDraw_ < std::chrono::milliseconds(100))) return;
  lastDraw_ = now;
  draw(progressLine(progress), epochDone);
}

void TrainingProgressBar::note(const std::string& text) {
  if (terminal_ && barShown_) std::fprintf(out_, "\r\033[K");
  std::fprintf(out_, "%s\n", text.c_str());
  barShown_ = false;
  std::fflush(out_);
}

void TrainingProgressBar::finish() {
  if (terminal_ && barShown_) std::fprintf(out_, "\n");
  barShown_ = false;
  std::fflush(out_);
}

}  // namespace lofi::cli
