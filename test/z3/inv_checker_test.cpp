// InvariantChecker with the real Z3: the three checks, counterexamples that really violate the
// invariant, timeouts that never turn into Verified, and reachable-state sampling.

#include "backends/z3/inv_checker.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "test/z3/sygus_fixtures.h"

using namespace verigen;
using namespace verigen::sygus;
using namespace verigen::z3inv;
using namespace std::chrono_literals;

// Contract: an inductive invariant that implies post is Verified by all three checks.
TEST_CASE("z3: a correct invariant is verified", "[z3]") {
  Problem p = fixture("lia.sl");
  InvariantChecker checker(p);
  auto v = checker.check(invariant(p, "(<= x n)"), Deadline::after(30s));
  CHECK(v.outcome == Outcome::Verified);
  CHECK(v.cause == Cause::None);
  REQUIRE(v.checks.size() == 3);
  CHECK(v.checks[0].name == "initiation");
  CHECK(v.checks[1].name == "consecution");
  CHECK(v.checks[2].name == "postcondition");
  for (const auto& c : v.checks) CHECK(c.outcome == Outcome::Verified);
  CHECK(v.failed() == nullptr);
}

// Contract: a non-inductive invariant is Refuted at consecution with two states s, s' such that
// inv(s), trans(s, s') and not inv(s').
TEST_CASE("z3: a non-inductive invariant is refuted at consecution", "[z3]") {
  Problem p = fixture("lia.sl");
  InvariantChecker checker(p);
  SExpr inv = invariant(p, "(<= x 3)");
  auto v = checker.check(inv, Deadline::after(30s));
  REQUIRE(v.outcome == Outcome::Refuted);
  REQUIRE(v.failed());
  CHECK(v.failed()->name == "consecution");
  REQUIRE(v.failed()->counterexample.size() == 2);
  const State& s = v.failed()->counterexample[0];
  const State& next = v.failed()->counterexample[1];
  CHECK(checker.holds(inv, s) == true);
  CHECK(checker.holds(inv, next) == false);
  CHECK(checker.holds(transition(p), merge(p, s, next)) == true);
}

// Contract: an inductive invariant too weak to imply post fails the postcondition check with a
// state where it holds and post does not.
TEST_CASE("z3: an inductive but weak invariant fails the postcondition", "[z3]") {
  Problem p = fixture("lia.sl");
  InvariantChecker checker(p);
  SExpr inv = invariant(p, "(>= x 0)");
  auto v = checker.check(inv, Deadline::after(30s));
  REQUIRE(v.outcome == Outcome::Refuted);
  CHECK(v.checks.size() == 3);
  REQUIRE(v.failed());
  CHECK(v.failed()->name == "postcondition");
  REQUIRE(v.failed()->counterexample.size() == 1);
  const State& s = v.failed()->counterexample[0];
  CHECK(checker.holds(inv, s) == true);
  CHECK(checker.holds(call(p.post, p), s) == false);
}

// Contract: an invariant that excludes an initial state fails initiation (and nothing after it
// runs), with a state satisfying pre but not the invariant.
TEST_CASE("z3: an invariant excluding an initial state fails initiation", "[z3]") {
  Problem p = fixture("lia.sl");
  InvariantChecker checker(p);
  SExpr inv = invariant(p, "(= x 1)");
  auto v = checker.check(inv, Deadline::after(30s));
  REQUIRE(v.outcome == Outcome::Refuted);
  REQUIRE(v.checks.size() == 1);
  CHECK(v.checks[0].name == "initiation");
  REQUIRE(v.checks[0].counterexample.size() == 1);
  CHECK(checker.holds(call(p.pre, p), v.checks[0].counterexample[0]) == true);
  CHECK(checker.holds(inv, v.checks[0].counterexample[0]) == false);
}

// Contract: checks work on arrays with a quantified post and on Bool-valued Lustre states.
TEST_CASE("z3: ALIA and Bool-variable problems are checked", "[z3]") {
  SECTION("ALIA") {
    Problem p = fixture("alia.sl");
    InvariantChecker checker(p);
    auto good = checker.check(
        invariant(p,
                  "(and (<= 0 i) (<= i n) (forall ((j Int)) (=> (and (<= 0 j) (< j i)) "
                  "(= (select a j) 0))))"),
        Deadline::after(30s));
    CHECK(good.outcome == Outcome::Verified);
    auto weak = checker.check(invariant(p, "(<= i n)"), Deadline::after(30s));
    REQUIRE(weak.outcome == Outcome::Refuted);
    CHECK(weak.failed()->name == "postcondition");
    // The counterexample's array prints as an SMT-LIB term that reads back.
    const State& s = weak.failed()->counterexample[0];
    CHECK(checker.holds(invariant(p, "(<= i n)"), s) == true);
    CHECK(checker.holds(call(p.post, p), s) == false);
  }
  SECTION("arrays of Bool") {
    Problem p = fixture("bool_array.sl");
    InvariantChecker checker(p);
    auto good = checker.check(
        invariant(p,
                  "(and (<= 0 i) (<= i n) (forall ((j Int)) (=> (and (<= 0 j) (< j i)) "
                  "(select a j))))"),
        Deadline::after(30s));
    CHECK(good.outcome == Outcome::Verified);
    auto weak = checker.check(invariant(p, "(<= i n)"), Deadline::after(30s));
    REQUIRE(weak.outcome == Outcome::Refuted);
    CHECK(weak.failed()->name == "postcondition");
    // The counterexample's Bool array prints as an SMT-LIB term that reads back.
    const State& s = weak.failed()->counterexample[0];
    INFO(s.at("a"));
    CHECK(checker.holds(invariant(p, "(<= i n)"), s) == true);
    CHECK(checker.holds(call(p.post, p), s) == false);
  }
  SECTION("Bool variables") {
    Problem p = fixture("lustre_bool.sl");
    InvariantChecker checker(p);
    auto v = checker.check(invariant(p, "(and (>= top.count 0) top.OK)"), Deadline::after(30s));
    CHECK(v.outcome == Outcome::Verified);
    auto bad = checker.check(invariant(p, "top.on"), Deadline::after(30s));
    REQUIRE(bad.outcome == Outcome::Refuted);
    CHECK(bad.failed()->name == "consecution");
    CHECK(bad.failed()->counterexample[1].at("top.on") == "false");
  }
}

// Contract: when Z3 runs out of time the verdict is Unknown/Timeout, never Verified.
TEST_CASE("z3: a timeout is Unknown, never Verified", "[z3]") {
  Problem p = fixture("fermat.sl");
  InvariantChecker checker(p);
  SExpr hard =
      invariant(p, "(and (> x 0) (> y 0) (> z 0) (not (= (+ (* x x x) (* y y y)) (* z z z))))");
  SECTION("hard nonlinear consecution") {
    auto started = std::chrono::steady_clock::now();
    auto v = checker.check(hard, Deadline::after(300ms));
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    CHECK(v.outcome == Outcome::Unknown);
    CHECK(v.cause == Cause::Timeout);
    REQUIRE(v.failed());
    CHECK(v.failed()->name == "consecution");
  }
  SECTION("a deadline already expired") {
    auto v = checker.check(invariant(p, "(> x 0)"), Deadline::after(0ms));
    CHECK(v.outcome == Outcome::Unknown);
    CHECK(v.cause == Cause::Timeout);
  }
}

// Contract: sampled states are reachable: the first satisfies pre, and every one satisfies a
// known invariant; they are distinct.
TEST_CASE("z3: sample_reachable gives distinct reachable states", "[z3]") {
  Problem p = fixture("lia.sl");
  InvariantChecker checker(p);
  auto states = checker.sample_reachable(8, 5, Deadline::after(30s));
  REQUIRE(states.size() == 8);
  CHECK(checker.holds(call(p.pre, p), states[0]) == true);
  bool moved = false;
  for (std::size_t i = 0; i < states.size(); ++i) {
    CHECK(checker.holds(invariant(p, "(and (>= x 0) (<= x n))"), states[i]) == true);
    if (states[i].at("x") != "0") moved = true;
    for (std::size_t j = 0; j < i; ++j) CHECK(states[i] != states[j]);
  }
  CHECK(moved);  // trans was followed, not only pre sampled
}

// Contract: sample_runs follows trans from pre states, one step at a time, and starts a run at
// a pre state pushed to `wide` where pre allows it; states are reachable and distinct.
TEST_CASE("z3: sample_runs follows deep runs from wide starts", "[z3]") {
  Problem p = fixture("lia.sl");  // x = 0, n >= 0; x counts up to n
  InvariantChecker checker(p);
  auto states = checker.sample_runs(5, 30, 100, Deadline::after(30s));
  REQUIRE(!states.empty());
  CHECK(checker.holds(call(p.pre, p), states.front()) == true);
  std::set<State> seen;
  bool deep = false;
  for (const auto& s : states) {
    CHECK(checker.holds(invariant(p, "(and (>= x 0) (<= x n))"), s) == true);
    CHECK(seen.insert(s).second);
    // Only a start with n pushed to 100 or more lets x run 30 steps.
    if (s.at("x") == "30") deep = checker.holds(invariant(p, "(>= n 100)"), s) == true;
  }
  CHECK(deep);
}

// Contract: a start is pushed only as far as pre allows: both ways within pre's bounds, and no
// start at all beyond them.
TEST_CASE("z3: sample_runs pushes starts within pre", "[z3]") {
  Problem p = fixture("phased_counter.sl");  // -1000000 <= a, b < 1000000
  InvariantChecker checker(p);
  auto within = checker.sample_runs(5, 0, 1000, Deadline::after(30s));
  bool up = false, down = false;
  for (const auto& s : within) {
    CHECK(checker.holds(call(p.pre, p), s) == true);
    up = up || checker.holds(invariant(p, "(>= a 1000)"), s) == true;
    down = down || checker.holds(invariant(p, "(<= a (- 1000))"), s) == true;
  }
  CHECK(up);
  CHECK(down);
  // Beyond pre's bounds: only the start near zero, and no steps asked for.
  auto beyond = checker.sample_runs(5, 0, 100000000, Deadline::after(30s));
  REQUIRE(beyond.size() == 1);
  CHECK(checker.holds(invariant(p, "(and (<= a 16) (>= a (- 16)))"), beyond.front()) == true);
}

// Contract: holds() is nullopt when the state lacks a variable the formula needs.
TEST_CASE("z3: holds is undecided without the needed values", "[z3]") {
  Problem p = fixture("lia.sl");
  InvariantChecker checker(p);
  CHECK(checker.holds(invariant(p, "(<= x n)"), State{{"x", "1"}, {"n", "(- 2)"}}) == false);
  CHECK(checker.holds(invariant(p, "(<= x n)"), State{{"x", "1"}}) == std::nullopt);
}
