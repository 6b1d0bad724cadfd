// Whole-problem solving with the real Z3: Spacer's invariants re-check with InvariantChecker,
// and bounded unrolling returns traces that really are runs to a violation.

#include <catch2/catch.hpp>

#include "backends/z3/inv_checker.h"
#include "backends/z3/spacer.h"
#include "test/z3/sygus_fixtures.h"

using namespace verigen;
using namespace verigen::sygus;
using namespace verigen::z3inv;
using namespace std::chrono_literals;

namespace {
SubprocessRunner runner;
}  // namespace

// Contract: Spacer solves a small LIA problem; the invariant it returns is a term over the
// problem's variables that the independent checker verifies.
TEST_CASE("z3: spacer's invariant re-checks as verified", "[z3]") {
  for (const char* name : {"lia.sl", "lustre_bool.sl"}) {
    INFO(name);
    Problem p = fixture(name);
    auto r = solve_with_spacer(runner, p, Deadline::after(30s));
    INFO(r.detail);
    REQUIRE(r.outcome == Outcome::Verified);
    REQUIRE(r.invariant);
    // Reads back through parse_invariant as a whole definition too.
    CHECK(parse_invariant(invariant_definition(p, *r.invariant), p, "again").ok());
    InvariantChecker checker(p);
    auto v = checker.check(*r.invariant, Deadline::after(30s));
    INFO(to_smtlib(*r.invariant));
    CHECK(v.outcome == Outcome::Verified);
  }
}

// Contract: Spacer on an unsafe problem is Refuted, never Verified.
TEST_CASE("z3: spacer refutes an unsafe problem", "[z3]") {
  Problem p = fixture("counter_unsafe.sl");
  auto r = solve_with_spacer(runner, p, Deadline::after(30s));
  CHECK(r.outcome == Outcome::Refuted);
  CHECK_FALSE(r.invariant);
  // The Refuted verdict carries a run to the violation, found by unrolling.
  REQUIRE_FALSE(r.trace.empty());
  CHECK(r.trace.back().at("x") == "10");
}

// Contract: with no time left Spacer does not run, and the answer is Unknown/Timeout.
TEST_CASE("z3: spacer with an expired deadline is unknown", "[z3]") {
  Problem p = fixture("lia.sl");
  auto r = solve_with_spacer(runner, p, Deadline::after(0ms));
  CHECK(r.outcome == Outcome::Unknown);
  CHECK(r.cause == Cause::Timeout);
  CHECK_FALSE(r.invariant);
}

// Contract: when Spacer runs out of time mid-query (Z3 throws "canceled") the answer is
// Unknown/Timeout, not an internal error and never Verified.
TEST_CASE("z3: spacer running out of time is unknown", "[z3]") {
  Problem p = fixture("nia.sl");  // y = x*x needs a nonlinear invariant Spacer does not find
  auto started = std::chrono::steady_clock::now();
  auto r = solve_with_spacer(runner, p, Deadline::after(300ms));
  CHECK(std::chrono::steady_clock::now() - started < 10s);
  INFO(r.detail);
  CHECK(r.outcome == Outcome::Unknown);
  CHECK(r.cause == Cause::Timeout);
}

// Contract: a problem outside Spacer's fragment (a quantified post) is an Error naming the
// cause in one line, never Verified.
TEST_CASE("z3: spacer on a quantified post is an error, not a verdict", "[z3]") {
  auto r = solve_with_spacer(runner, fixture("alia.sl"), Deadline::after(30s));
  CHECK(r.outcome == Outcome::Error);
  CHECK(r.cause == Cause::BadInput);
  CHECK(r.detail.find('\n') == std::string::npos);
  CHECK_FALSE(r.invariant);
}

// Contract: find_violation's trace starts in pre, follows trans at every step and ends in a
// state violating post; each fact re-evaluated on the printed states.
TEST_CASE("z3: find_violation returns a real run to the violation", "[z3]") {
  Problem p = fixture("counter_unsafe.sl");
  auto r = find_violation(p, 20, Deadline::after(30s));
  REQUIRE(r.outcome == Outcome::Refuted);
  CHECK(r.cause == Cause::None);
  REQUIRE(r.trace.size() == 11);  // ten increments from 0 reach 10
  InvariantChecker checker(p);
  CHECK(checker.holds(call(p.pre, p), r.trace.front()) == true);
  for (std::size_t i = 0; i + 1 < r.trace.size(); ++i) {
    INFO("step " << i);
    CHECK(checker.holds(transition(p), merge(p, r.trace[i], r.trace[i + 1])) == true);
    CHECK(checker.holds(call(p.post, p), r.trace[i]) == true);
  }
  CHECK(checker.holds(call(p.post, p), r.trace.back()) == false);
  CHECK(r.trace.back().at("x") == "10");
}

// Contract: a violation deeper than the bound, and a safe problem, are Unknown, not Refuted.
TEST_CASE("z3: find_violation on a safe problem is unknown", "[z3]") {
  auto safe = find_violation(fixture("lia.sl"), 10, Deadline::after(30s));
  CHECK(safe.outcome == Outcome::Unknown);
  CHECK(safe.cause == Cause::None);
  CHECK(safe.detail == "no violation within 10 steps");
  CHECK(safe.trace.empty());
  auto shallow = find_violation(fixture("counter_unsafe.sl"), 9, Deadline::after(30s));
  CHECK(shallow.outcome == Outcome::Unknown);
}
