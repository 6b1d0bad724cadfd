#pragma once
/// A one-line progress display on a terminal (stderr); silent when stderr is not a terminal,
/// so logs and pipes stay clean.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace verigen {

class Progress {
 public:
  /// `label` names the work ("verify"); `total` items are expected.
  Progress(std::string label, std::size_t total);
  ~Progress();

  /// One more item finished; `item` is shown, `failed` counts toward the failures shown.
  void advance(const std::string& item, bool failed);
  /// Clears the line (called by the destructor too).
  void finish();

  /// True when progress is drawn (stderr is a terminal and VERIGEN_NO_PROGRESS is unset).
  bool active() const { return active_; }

 private:
  std::mutex mutex_;
  std::string label_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  bool active_ = false;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace verigen
