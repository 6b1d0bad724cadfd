#pragma once
/// CallBudgetBackend: a decorator that passes at most a fixed number of verification requests
/// to the back-end it wraps. Past the budget every request is answered Unknown (resource-limit)
/// without calling anything, so a search that asks its verifier in a loop (Houdini) stops at
/// the budget and can never mistake the refusal for a proof.

#include <atomic>

#include "core/backend.h"

namespace verigen {

class CallBudgetBackend : public Backend {
 public:
  /// `inner` must outlive the decorator; `max_calls` <= 0 means no limit. Thread-safe if
  /// `inner` is (the count is atomic).
  CallBudgetBackend(Backend& inner, int max_calls) : inner_(inner), max_calls_(max_calls) {}

  std::string name() const override { return inner_.name(); }
  std::string version() override { return inner_.version(); }
  std::string options_fingerprint() const override { return inner_.options_fingerprint(); }
  std::string solver_version() override { return inner_.solver_version(); }
  std::string dependency_fingerprint(const Candidate& candidate) override {
    return inner_.dependency_fingerprint(candidate);
  }

  /// Requests passed to the back-end so far (a refused one is not counted).
  int calls() const { return calls_.load(); }
  /// True once a request was refused for the budget.
  bool exhausted() const { return exhausted_.load(); }

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  Backend& inner_;
  const int max_calls_;
  std::atomic<int> calls_{0};
  std::atomic<bool> exhausted_{false};
};

}  // namespace verigen
