// The invariant portfolio's race with its real members: on a problem only one member answers
// fast, that member wins, the others are cancelled at once (measured: the race ends long before
// the deadline, and no child process is left behind), and whatever wins re-checks with a fresh
// InvariantChecker. A scripted cvc5 stands in for what the real one will not do: answer wrong,
// or be missing.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "backends/z3/inv_checker.h"
#include "core/file_io.h"
#include "gen/invariants/inv_portfolio.h"
#include "rank/scorer.h"
#include "test/support/fake_process_runner.h"
#include "test/support/process_table.h"
#include "test/support/sygus_fixture.h"

using namespace verigen;
using namespace std::chrono_literals;
using test::FakeProcessRunner;

namespace {

using Fixture = test::SygusFixture;
using test::sygus_fixture;

/// Processes alive now whose parent is this test, or whose command line names `needle`.
std::vector<std::string> leftovers(const std::string& needle) {
  std::vector<std::string> out;
  const pid_t me = ::getpid();
  for (const auto& p : test::processes()) {
    if (p.pid == me) continue;
    if (p.parent == me || (p.cmdline.find("cvc5") != std::string::npos &&
                           p.cmdline.find(needle) != std::string::npos))
      out.push_back(std::to_string(p.pid) + " " + p.cmdline);
  }
  return out;
}

const MemberReport* report(const InvOutcome& out, const std::string& name) {
  for (const auto& m : out.members)
    if (m.name == name) return &m;
  return nullptr;
}

std::string reports(const InvOutcome& out) {
  std::string text;
  for (const auto& m : out.members)
    text += m.name + "=" + m.result + " (" + m.detail + ", start " +
            std::to_string(m.start.count()) + " ms, ran " + std::to_string(m.elapsed.count()) +
            " ms); ";
  for (const auto& n : out.notes) text += "note: " + n + "; ";
  return text;
}

void recheck(const Fixture& f, const InvOutcome& out) {
  REQUIRE(out.invariant);
  z3inv::InvariantChecker fresh(f.problem);
  CHECK(fresh.check(*out.invariant, Deadline::after(20s)).outcome == Outcome::Verified);
}

/// Runs the whole portfolio on one core (so the schedule's head start applies) and returns its
/// outcome and wall time.
std::pair<InvOutcome, std::chrono::milliseconds> race(const Fixture& f, InvPortfolioOptions options,
                                                      Deadline deadline) {
  auto builtin = inv::make_template_proposer();
  InvPortfolio portfolio({builtin.get()}, &rank::Scorer::default_model(), nullptr, options);
  const auto t0 = std::chrono::steady_clock::now();
  auto out = portfolio.solve(f.problem, f.text, deadline);
  return {std::move(out), std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - t0)};
}

InvPortfolioOptions one_core() {
  InvPortfolioOptions options;
  options.cores = 1;
  return options;
}

}  // namespace

// two_branch_sum.sl: Spacer answers in a fraction of a second; cvc5 does not answer in 10 s.
TEST_CASE("race: Spacer answers first and the others are cancelled", "[solver:cvc5]") {
  auto f = sygus_fixture("two_branch_sum.sl");
  auto [out, took] = race(f, one_core(), Deadline::after(60s));
  INFO(reports(out));
  REQUIRE(out.status == InvOutcome::Status::Solved);
  CHECK(out.origin == "spacer");
  recheck(f, out);
  // The three members and the lemma stage, which waited for a lemma that never came.
  REQUIRE(out.members.size() == 4);
  CHECK(report(out, "spacer")->result == "won");
  CHECK(report(out, "cvc5")->result == "cancelled");
  CHECK(report(out, "lemmas")->result == "cancelled");
  // The enumerator waits for the engines' head start; Spacer wins within it.
  const std::string builtin = report(out, "builtin")->result;
  CHECK((builtin == "not-started" || builtin == "cancelled"));
  // Far below the 60 s deadline: the losers were stopped, not waited for.
  CHECK(took < 30s);
  CHECK(leftovers("two_branch_sum.sl").empty());
}

// nia_cube.sl: c = i^3 over a short loop; cvc5 answers at once, Spacer and the templates do not.
TEST_CASE("race: cvc5 answers a small NIA problem, the others are cancelled", "[solver:cvc5]") {
  auto f = sygus_fixture("nia_cube.sl");
  auto [out, took] = race(f, one_core(), Deadline::after(60s));
  INFO(reports(out));
  REQUIRE(out.status == InvOutcome::Status::Solved);
  CHECK(out.origin == "cvc5");
  recheck(f, out);
  CHECK(report(out, "cvc5")->result == "won");
  CHECK(report(out, "spacer")->result == "cancelled");
  CHECK(took < 30s);
  CHECK(leftovers("nia_cube.sl").empty());
}

// quantified_bound.sl: the post says y <= 2n through a quantifier: Spacer refuses it at once,
// cvc5 does not answer in 20 s, the enumerator's templates (y = 2x, x <= n) do.
TEST_CASE("race: the enumerator wins, cvc5 is killed", "[solver:cvc5]") {
  auto f = sygus_fixture("quantified_bound.sl");
  auto [out, took] = race(f, one_core(), Deadline::after(120s));
  INFO(reports(out));
  REQUIRE(out.status == InvOutcome::Status::Solved);
  CHECK(out.origin.rfind("builtin", 0) == 0);
  recheck(f, out);
  CHECK(report(out, "builtin")->result == "won");
  CHECK(report(out, "spacer")->result == "error");
  CHECK(report(out, "cvc5")->result == "cancelled");
  // The enumerator's own time depends on the machine's load; cvc5 must stop right after its win.
  const auto* winner = report(out, "builtin");
  const auto* loser = report(out, "cvc5");
  CHECK(loser->start + loser->elapsed < winner->start + winner->elapsed + 3s);
  CHECK(leftovers("quantified_bound.sl").empty());
}

// quantified_unsafe.sl: no invariant exists (post fails after 26 steps); Spacer refuses the
// quantifier and cvc5 searches to the deadline. The enumerator, once no candidate holds, finds
// the violating run itself and ends the race: before, bounded model checking ran only after the
// race, that is after cvc5's deadline, and the problem came out unknown.
TEST_CASE("race: the enumerator's bounded check refutes a problem cvc5 cannot", "[solver:cvc5]") {
  auto f = sygus_fixture("quantified_unsafe.sl");
  auto [out, took] = race(f, one_core(), Deadline::after(60s));
  INFO(reports(out));
  REQUIRE(out.status == InvOutcome::Status::Infeasible);
  CHECK(out.origin == "builtin:bmc");
  CHECK(report(out, "builtin")->result == "won");
  CHECK(report(out, "cvc5")->result == "cancelled");
  // The trace is a real run to a state violating post.
  REQUIRE(out.trace.size() == 27);
  CHECK(took < 30s);
  CHECK(leftovers("quantified_unsafe.sl").empty());
}

// Contract: a claimed invariant that fails verigen's re-check never wins; it is noted, and the
// member's report says "refused". Scripted: the real cvc5 is not wrong on demand.
TEST_CASE("race: a cvc5 answer that does not re-check is refused", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  FakeProcessRunner runner;
  runner.on(
      "cvc5", {"--lang=sygus2"},
      FakeProcessRunner::exited(0, "(\n(define-fun inv_fun ((x Int) (n Int)) Bool (>= x 0))\n)\n"));
  auto options = one_core();
  options.runner = &runner;

  SECTION("alone: nothing wins") {
    options.members = {"cvc5"};
    auto [out, took] = race(f, options, Deadline::after(60s));
    INFO(reports(out));
    CHECK(out.status == InvOutcome::Status::Unknown);
    CHECK_FALSE(out.invariant);
    CHECK(report(out, "cvc5")->result == "refused");
    bool noted = false;
    for (const auto& n : out.notes) noted |= n.find("cvc5's invariant did not re-check") == 0;
    CHECK(noted);
  }
  SECTION("beside the enumerator: the enumerator's right answer wins") {
    options.members = {"cvc5", "builtin"};
    auto [out, took] = race(f, options, Deadline::after(60s));
    INFO(reports(out));
    REQUIRE(out.status == InvOutcome::Status::Solved);
    CHECK(out.origin.rfind("builtin", 0) == 0);
    CHECK(report(out, "cvc5")->result == "refused");
    recheck(f, out);
  }
}

// Contract: a missing cvc5 is an error in its report and a note naming what to install, never a
// success; the problem is an error when cvc5 was the only member.
TEST_CASE("race: a missing cvc5 is reported, never counted", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  FakeProcessRunner runner;  // no rules: every command is NotFound, as a missing tool
  auto options = one_core();
  options.runner = &runner;
  options.members = {"cvc5"};
  auto [out, took] = race(f, options, Deadline::after(60s));
  INFO(reports(out));
  CHECK(out.status == InvOutcome::Status::Error);
  CHECK(report(out, "cvc5")->result == "error");
  bool noted = false;
  for (const auto& n : out.notes) noted |= n.find("scripts/setup") != std::string::npos;
  CHECK(noted);
}
