#pragma once
/// Deadline: one point in steady time that flows from the orchestrator through a back-end
/// down to the process it runs. Nothing in verigen uses alarm() or wall-clock time for limits.

#include <algorithm>
#include <chrono>

namespace verigen {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  /// A deadline that never expires.
  static Deadline never() { return Deadline(Clock::time_point::max()); }
  /// A deadline `budget` from now.
  static Deadline after(std::chrono::milliseconds budget) {
    return Deadline(Clock::now() + budget);
  }
  /// A deadline `seconds` from now; seconds <= 0 means never.
  static Deadline after_seconds(double seconds) {
    if (seconds <= 0) return never();
    return after(std::chrono::milliseconds(static_cast<long long>(seconds * 1000)));
  }

  explicit Deadline(Clock::time_point at) : at_(at) {}

  bool is_never() const { return at_ == Clock::time_point::max(); }
  bool expired() const { return !is_never() && Clock::now() >= at_; }
  Clock::time_point at() const { return at_; }

  /// Time left, never negative; a very large value for never().
  std::chrono::milliseconds remaining() const {
    if (is_never()) return std::chrono::milliseconds(std::chrono::hours(24 * 365));
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(at_ - Clock::now());
    return std::max(left, std::chrono::milliseconds(0));
  }

  /// The earlier of this deadline and `budget` from now (a sub-task may not outlive its parent).
  Deadline capped(std::chrono::milliseconds budget) const {
    auto other = Clock::now() + budget;
    return Deadline(std::min(at_, other));
  }

 private:
  Clock::time_point at_;
};

}  // namespace verigen
