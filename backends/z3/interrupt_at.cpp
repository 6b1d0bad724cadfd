#include "backends/z3/interrupt_at.h"

#include <algorithm>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

namespace verigen::z3inv {
namespace {

constexpr auto kRepeat = std::chrono::milliseconds(50);
// How often a cancellable deadline is looked at: a cancel has no time of its own to wait for.
constexpr auto kCancelPoll = std::chrono::milliseconds(10);

/// The one watchdog thread and the guards it watches. Interrupts happen under the mutex, so a
/// guard's destructor (which takes it to unregister) never returns while its context is being
/// interrupted.
class Watchdog {
 public:
  static Watchdog& instance() {
    static Watchdog watchdog;
    return watchdog;
  }

  void add(z3::context* ctx, Deadline deadline) {
    std::lock_guard<std::mutex> lock(mutex_);
    guards_.push_back({ctx, deadline});
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
    wake_.notify_one();
  }

  void remove(z3::context* ctx, Deadline deadline) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = std::find_if(guards_.begin(), guards_.end(), [&](const Guard& g) {
      return g.ctx == ctx && g.deadline.at() == deadline.at();
    });
    if (it != guards_.end()) guards_.erase(it);
  }

  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
      wake_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
  }

 private:
  struct Guard {
    z3::context* ctx;
    Deadline deadline;
  };

  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      auto now = Deadline::Clock::now();
      auto next = Deadline::Clock::time_point::max();
      for (const Guard& g : guards_) {
        if (g.deadline.expired()) {
          g.ctx->interrupt();
          next = std::min(next, now + kRepeat);
        } else {
          next = std::min(next, g.deadline.at());
          if (g.deadline.cancellable()) next = std::min(next, now + kCancelPoll);
        }
      }
      if (next == Deadline::Clock::time_point::max())
        wake_.wait(lock);
      else
        wake_.wait_until(lock, next);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::list<Guard> guards_;
  std::thread thread_;
  bool stop_ = false;
};

}  // namespace

InterruptAt::InterruptAt(z3::context& ctx, Deadline deadline) : ctx_(ctx), deadline_(deadline) {
  if (!deadline_.is_never()) Watchdog::instance().add(&ctx_, deadline_);
}

InterruptAt::~InterruptAt() {
  if (!deadline_.is_never()) Watchdog::instance().remove(&ctx_, deadline_);
}

}  // namespace verigen::z3inv
