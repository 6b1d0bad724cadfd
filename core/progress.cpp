#include "core/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace verigen {

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), started_(std::chrono::steady_clock::now()) {
  active_ = ::isatty(STDERR_FILENO) && std::getenv("VERIGEN_NO_PROGRESS") == nullptr;
}

Progress::~Progress() { finish(); }

void Progress::advance(const std::string& item, bool failed) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (failed) ++failed_;
  if (!active_) return;
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  double eta =
      done_ > 0 ? elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_) : 0;
  std::string shown = item.size() > 40 ? "…" + item.substr(item.size() - 39) : item;
  std::fprintf(stderr, "\r\033[K%s [%zu/%zu] %zu failed, %.0fs elapsed, ETA %.0fs  %s",
               label_.c_str(), done_, total_, failed_, elapsed, eta, shown.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (active_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace verigen
