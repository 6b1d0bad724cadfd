#include "core/call_budget_backend.h"

#include <string>

namespace verigen {

Verdict CallBudgetBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  if (max_calls_ > 0) {
    // Reserve a call first so that parallel requests cannot together overshoot the budget.
    if (calls_.fetch_add(1) >= max_calls_) {
      calls_.fetch_sub(1);
      exhausted_ = true;
      return Verdict::unknown(
          Cause::ResourceLimit,
          "the verifier-call budget of " + std::to_string(max_calls_) + " calls is used up");
    }
  } else {
    calls_.fetch_add(1);
  }
  return inner_.verify(candidate, deadline);
}

}  // namespace verigen
