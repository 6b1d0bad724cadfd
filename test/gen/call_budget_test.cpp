// The verifier-call budget: a decorator that passes at most N requests on and answers the rest
// Unknown (resource-limit) without asking, which a Houdini loop reads as "stop".

#include <catch2/catch.hpp>

#include "core/call_budget_backend.h"
#include "test/support/scripted_backend.h"

using namespace verigen;
using namespace verigen::test;

namespace {

Candidate text(const std::string& t) {
  Candidate c;
  c.text = t;
  c.display_path = "budget.dfy";
  return c;
}

}  // namespace

// Contract: the first N requests reach the back-end with their verdicts; request N+1 and later
// never do, and are never Verified; 0 means no limit.
TEST_CASE("a verifier-call budget stops at N calls", "[unit]") {
  ScriptedBackend inner;
  inner.otherwise(Verdict::verified_by("scripted 1"));
  CallBudgetBackend budget(inner, 2);
  CHECK(budget.verify(text("a"), Deadline::never()).verified());
  CHECK(budget.verify(text("b"), Deadline::never()).verified());
  CHECK_FALSE(budget.exhausted());
  auto refused = budget.verify(text("c"), Deadline::never());
  CHECK(refused.outcome == Outcome::Unknown);
  CHECK(refused.cause == Cause::ResourceLimit);
  CHECK(refused.detail.find("budget of 2") != std::string::npos);
  CHECK(budget.exhausted());
  CHECK(budget.calls() == 2);
  CHECK(inner.texts() == std::vector<std::string>{"a", "b"});

  CallBudgetBackend unlimited(inner, 0);
  for (int i = 0; i < 5; ++i) CHECK(unlimited.verify(text("d"), Deadline::never()).verified());
  CHECK(unlimited.calls() == 5);
  CHECK_FALSE(unlimited.exhausted());
}
