// A one-line progress bar on stderr, drawn only when stderr is a terminal.
#pragma once

#include <string>

namespace lofi::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label, bool enabled = true);
  ~ProgressBar();
  void update(double fraction);  // 0..1; redraws only when the shown percentage changes
  void finish();

 private:
  std::string label_;
  bool enabled_;
  int shownPercent_ = -1;
};

}  // namespace lofi::cli
