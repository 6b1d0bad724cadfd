#pragma once
/// CallBudgetBackend: a decorator that passes at most a fixed number of verification requests
/// to the back-end it wraps. Past the budget every request is answered Unknown (resource-limit)
/// without calling anything, so a search that asks its verifier in a loop (Houdini) stops at
/// the budget and can never mistake the refusal for a proof.

#include <atomic>

#include "core/forwarding_backend.h"

namespace verigen {

class CallBudgetBackend : public ForwardingBackend {
 public:
  /// `inner` must outlive the decorator; `max_calls` <= 0 means no limit. Thread-safe if
  /// `inner` is (the count is atomic).
  CallBudgetBackend(Backend& inner, int max_calls)
      : ForwardingBackend(inner), max_calls_(max_calls) {}

  /// Requests passed to the back-end so far (a refused one is not counted).
  int calls() const { return calls_.load(); }
  /// True once a request was refused for the budget.
  bool exhausted() const { return exhausted_.load(); }

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  const int max_calls_;
  std::atomic<int> calls_{0};
  std::atomic<bool> exhausted_{false};
};

}  // namespace verigen
