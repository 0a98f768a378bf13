// The training progress line on stderr: redrawn in place on a terminal, one
// line per epoch when stderr is a file or a pipe.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "model/trainer.h"

namespace lofi::cli {

class TrainingProgressBar {
 public:
  explicit TrainingProgressBar(std::FILE* out);
  void update(const TrainProgress& progress);
  void note(const std::string& text);  // a line of its own, above the bar
  void finish();                       // leaves the cursor on a fresh line

 private:
  void draw(const std::string& line, bool keep);
  std::FILE* out_;
  bool terminal_;
  bool barShown_ = false;
  std::chrono::steady_clock::time_point lastDraw_{};
};

// "1:02:03" or "4:05".
std::string formatDuration(double seconds);
// The line the bar shows for `progress`, e.g.
// "epoch 3/30 [=====>    ] 120/400 loss 2.314 val 2.456 41.2k tok/s left 12:34".
std::string progressLine(const TrainProgress& progress, int barWidth = 20);

}  // namespace lofi::cli
