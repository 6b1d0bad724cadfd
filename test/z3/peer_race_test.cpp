// InvariantChecker with a peer: Z3 and the real cvc5 race on nonlinear checks. A check Z3 leaves
// undecided is decided by cvc5 (and says so); cvc5's counterexample is a real one; linear checks
// never start cvc5; a peer that fails decides nothing.

#include <atomic>
#include <catch2/catch.hpp>

#include "backends/cvc5/cvc5_smt.h"
#include "backends/z3/inv_checker.h"
#include "test/z3/sygus_fixtures.h"

using namespace verigen;
using namespace verigen::sygus;
using namespace verigen::z3inv;
using namespace std::chrono_literals;

namespace {

// The real cvc5 peer, counting the checks it is asked to decide.
class CountingPeer : public SmtPeer {
 public:
  explicit CountingPeer(ProcessRunner& runner) : cvc5_(runner) {}
  std::string name() const override { return cvc5_.name(); }
  SmtPeerAnswer check(const std::string& script, const std::vector<std::string>& names,
                      Deadline deadline) override {
    ++calls;
    return cvc5_.check(script, names, deadline);
  }
  std::atomic<int> calls{0};

 private:
  cvc5::Cvc5Peer cvc5_;
};

// Runs every command under a program name that does not exist: cvc5 as if uninstalled.
class MissingToolRunner : public ProcessRunner {
 public:
  ProcessResult run(const ProcessSpec& spec) override {
    ProcessSpec renamed = spec;
    renamed.argv[0] = "verigen-no-such-solver";
    return real_.run(renamed);
  }

 private:
  SubprocessRunner real_;
};

// s = b + r*d, the invariant of nia_scaled_sum.sl. Its consecution took Z3 4.7 s (z3 4.8.12,
// this machine) and cvc5 0.02 s.
constexpr const char* kScaledSum = "(and (<= r 500) (>= r 0) (= s (+ b (* r d))))";

}  // namespace

TEST_CASE("peer: a nonlinear step Z3 does not decide in time is proved by cvc5",
          "[z3][solver:cvc5]") {
  Problem p = fixture("nia_scaled_sum.sl");
  SExpr inv = invariant(p, kScaledSum);

  // Z3 alone, given a second: no answer (it needs several).
  InvariantChecker alone(p);
  auto z3_only = alone.check_one("consecution", inv, Deadline::after(1s));
  CHECK(z3_only.outcome == Outcome::Unknown);

  SubprocessRunner runner;
  CountingPeer peer(runner);
  InvariantChecker checker(p, &peer);
  auto v = checker.check(inv, Deadline::after(20s));
  INFO((v.failed() ? v.failed()->detail : ""));
  REQUIRE(v.outcome == Outcome::Verified);
  CHECK(v.checks[1].decided_by == "cvc5");
  CHECK(v.checks[1].detail == "cvc5: unsat");
  CHECK(peer.calls == 3);  // the candidate multiplies r by d: every check races
}

TEST_CASE("peer: a linear check never starts the peer", "[z3][solver:cvc5]") {
  Problem p = fixture("lia.sl");
  SubprocessRunner runner;
  CountingPeer peer(runner);
  InvariantChecker checker(p, &peer);
  auto v = checker.check(invariant(p, "(<= x n)"), Deadline::after(30s));
  CHECK(v.outcome == Outcome::Verified);
  CHECK(peer.calls == 0);
  for (const auto& c : v.checks) CHECK(c.decided_by == "z3");
}

TEST_CASE("peer: a refuted nonlinear step has a real counterexample", "[z3][solver:cvc5]") {
  Problem p = fixture("nia_scaled_sum.sl");
  // Not inductive: s*r outgrows b + 7 for most d. Z3 took 0.96 s to say so, cvc5 0.03 s.
  SExpr inv = invariant(p, "(and (<= r 500) (>= r 0) (= s (+ b (* r d))) (<= (* s r) (+ b 7)))");
  SubprocessRunner runner;
  CountingPeer peer(runner);
  InvariantChecker checker(p, &peer);
  auto step = checker.check_one("consecution", inv, Deadline::after(20s));
  INFO(step.detail);
  REQUIRE(step.outcome == Outcome::Refuted);
  CHECK(step.decided_by == "cvc5");  // the values read back from cvc5 are the states below
  REQUIRE(step.counterexample.size() == 2);
  const State& s = step.counterexample[0];
  const State& next = step.counterexample[1];
  CHECK(checker.holds(inv, s) == true);
  CHECK(checker.holds(inv, next) == false);
  CHECK(checker.holds(transition(p), merge(p, s, next)) == true);
}

TEST_CASE("peer: a missing peer leaves the check to Z3", "[z3]") {
  Problem p = fixture("nia_scaled_sum.sl");
  MissingToolRunner runner;
  cvc5::Cvc5Peer peer(runner);
  InvariantChecker checker(p, &peer);
  // Z3 decides this one alone; the failed peer changes nothing.
  auto good = checker.check_one("initiation", invariant(p, kScaledSum), Deadline::after(20s));
  CHECK(good.outcome == Outcome::Verified);
  CHECK(good.decided_by == "z3");
  // And where Z3 has no answer, neither is there one.
  auto open = checker.check_one("consecution", invariant(p, kScaledSum), Deadline::after(1s));
  CHECK(open.outcome == Outcome::Unknown);
  CHECK(open.detail.find("cvc5: not found on PATH") != std::string::npos);
}
