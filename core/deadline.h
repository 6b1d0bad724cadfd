#pragma once
/// Deadline: one point in steady time that flows from the orchestrator through a back-end
/// down to the process it runs. Nothing in verigen uses alarm() or wall-clock time for limits.
///
/// A deadline may also be cancellable (CancelSource): it then expires early, at once, when its
/// source is cancelled. Everything that already honours a Deadline (Z3 through InterruptAt, the
/// process runner's poll, loops that test expired()) stops for a cancel without knowing of it:
/// that is how a portfolio stops its losing members.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <utility>

namespace verigen {

class CancelSource;

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

  /// True when the deadline can expire neither by time nor by a cancel.
  bool is_never() const { return at_ == Clock::time_point::max() && !stop_; }
  /// True when a CancelSource can end this deadline early (watchers must poll cancelled()).
  bool cancellable() const { return stop_ != nullptr; }
  /// True once a CancelSource this deadline derives from has been cancelled.
  bool cancelled() const { return stop_ && stop_->triggered(); }
  bool expired() const {
    return cancelled() || (at_ != Clock::time_point::max() && Clock::now() >= at_);
  }
  /// The point in time; a cancel does not move it.
  Clock::time_point at() const { return at_; }

  /// Time left, never negative; zero once cancelled; a very large value without a time limit.
  std::chrono::milliseconds remaining() const {
    if (cancelled()) return std::chrono::milliseconds(0);
    if (at_ == Clock::time_point::max())
      return std::chrono::milliseconds(std::chrono::hours(24 * 365));
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(at_ - Clock::now());
    return std::max(left, std::chrono::milliseconds(0));
  }

  /// The earlier of this deadline and `budget` from now (a sub-task may not outlive its parent);
  /// cancelled with this one.
  Deadline capped(std::chrono::milliseconds budget) const {
    auto other = Clock::now() + budget;
    return Deadline(std::min(at_, other), stop_);
  }

 private:
  friend class CancelSource;
  /// One cancel flag, and the flag of the deadline it was made from: a cancel anywhere up the
  /// chain ends every deadline below it.
  struct Stop {
    std::atomic<bool> flag{false};
    std::shared_ptr<const Stop> parent;
    bool triggered() const {
      for (const Stop* s = this; s; s = s->parent.get())
        if (s->flag.load(std::memory_order_relaxed)) return true;
      return false;
    }
  };
  Deadline(Clock::time_point at, std::shared_ptr<const Stop> stop)
      : at_(at), stop_(std::move(stop)) {}

  Clock::time_point at_;
  std::shared_ptr<const Stop> stop_;
};

/// Makes deadlines that can be ended early. Thread-safe: cancel() may be called from any thread
/// while other threads wait on the deadline.
class CancelSource {
 public:
  /// Deadlines from this source expire at `parent`'s time, when `parent` is cancelled, or when
  /// this source is.
  explicit CancelSource(const Deadline& parent)
      : at_(parent.at()), stop_(std::make_shared<Deadline::Stop>()) {
    stop_->parent = parent.stop_;
  }
  /// The cancellable deadline.
  Deadline deadline() const { return Deadline(at_, stop_); }
  /// Ends every deadline from this source (and those derived from them) now.
  void cancel() { stop_->flag.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return stop_->triggered(); }

 private:
  Deadline::Clock::time_point at_;
  std::shared_ptr<Deadline::Stop> stop_;
};

}  // namespace verigen
