#include "core/child_groups.h"

#include <signal.h>

#include <array>
#include <atomic>

namespace verigen {
namespace {

// A fixed table of lock-free slots: the signal handler may only read atomics and call
// async-signal-safe functions (kill, raise), never take a lock or allocate.
constexpr std::size_t kSlots = 512;
std::array<std::atomic<pid_t>, kSlots> live_groups{};

extern "C" void kill_children_and_die(int signal_number) {
  for (auto& slot : live_groups) {
    pid_t group = slot.load(std::memory_order_relaxed);
    if (group > 0) ::kill(-group, SIGKILL);
  }
  // SA_RESETHAND restored the default action; the raised signal is delivered when the handler
  // returns and ends the process the way the sender meant.
  ::raise(signal_number);
}

}  // namespace

void register_child_group(pid_t group) {
  if (group <= 0) return;
  for (auto& slot : live_groups) {
    pid_t empty = 0;
    if (slot.compare_exchange_strong(empty, group)) return;
  }
}

void unregister_child_group(pid_t group) {
  if (group <= 0) return;
  for (auto& slot : live_groups) {
    pid_t expected = group;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

void kill_children_on_fatal_signals() {
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(signal_number, nullptr, &old) != 0) continue;
    // nohup and a shell's background jobs ignore some of these on purpose: keep it so.
    if (old.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = kill_children_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace verigen
