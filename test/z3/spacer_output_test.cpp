// interpret_spacer, what the `z3` child's answer to the Horn clauses means: table-tested on
// recorded runs (test/fixtures/spacer/recorded, written by record.sh with z3 4.8.12) and on the
// shapes a broken or killed run takes. Only `sat` with a readable interpretation of the
// relation claims an invariant, and only `unsat` claims a violation; everything else is no
// verdict.

#include <catch2/catch.hpp>

#include "backends/z3/spacer.h"
#include "test/support/fake_process_runner.h"
#include "test/z3/sygus_fixtures.h"

using namespace verigen;
using namespace verigen::sygus;
using namespace verigen::z3inv;
using namespace std::chrono_literals;
using test::FakeProcessRunner;

namespace {

ProcessResult recorded(const std::string& name) {
  return FakeProcessRunner::recorded(std::string(VERIGEN_SOURCE_DIR) +
                                     "/test/fixtures/spacer/recorded/" + name);
}

ProcessResult printed(const std::string& out, int exit_code = 0) {
  ProcessResult run;
  run.status = ProcessResult::Status::Exited;
  run.exit_code = exit_code;
  run.out = out;
  return run;
}

/// A sat answer whose model defines the relation as `definition`.
ProcessResult model(const std::string& definition) {
  return printed("sat\n(\n  " + definition + "\n)\n");
}

}  // namespace

// Contract: a recorded sat model is an invariant over the problem's own variable names, which
// the independent checker verifies.
TEST_CASE("spacer output: a recorded model reads back as an invariant that re-checks", "[z3]") {
  struct Case {
    const char* recording;
    const char* problem;
    const char* part;  ///< a piece of the term as the problem's names write it
  };
  // let_model was recorded on a problem over two Ints, like lia.sl's (x, n): the let Z3 prints
  // in models is read by Z3's parser, not renamed by hand.
  for (auto [recording, problem, part] : {Case{"lia", "lia.sl", "(+ x (* (- 1) n))"},
                                          Case{"lustre_bool", "lustre_bool.sl", "(>= top.count 0)"},
                                          Case{"let_model", "lia.sl", "(>= x 0)"}}) {
    INFO(recording);
    Problem p = fixture(problem);
    auto r = interpret_spacer(recorded(recording), p);
    INFO(r.detail);
    REQUIRE(r.outcome == Outcome::Verified);
    REQUIRE(r.invariant);
    const std::string text = to_smtlib(*r.invariant);
    INFO(text);
    // Over the problem's names only (Z3 may print shared terms with a let of its own).
    CHECK(text.find("x!") == std::string::npos);
    CHECK(text.find(part) != std::string::npos);
    if (std::string(recording) != "let_model") {
      InvariantChecker checker(p);
      CHECK(checker.check(*r.invariant, Deadline::after(30s)).outcome == Outcome::Verified);
    }
  }
}

// Contract: the relation's parameters stand for the variables by position, all at once: a
// model whose parameter names are the problem's variables in another order is not misread.
TEST_CASE("spacer output: parameters are substituted by position, simultaneously", "[z3]") {
  Problem p = fixture("lia.sl");  // variables x, n
  auto r = interpret_spacer(model("(define-fun verigen_inv ((n Int) (x Int)) Bool (<= n x))"), p);
  INFO(r.detail);
  REQUIRE(r.outcome == Outcome::Verified);
  // (<= n x) with n standing for x and x for n is x <= n, which holds; n <= x does not.
  InvariantChecker checker(p);
  CHECK(checker.check(*r.invariant, Deadline::after(30s)).outcome == Outcome::Verified);
}

// Contract: every way a run can end other than a clean sat or unsat decides nothing.
TEST_CASE("spacer output table", "[z3]") {
  Problem p = fixture("lia.sl");
  auto killed = FakeProcessRunner::timed_out();
  killed.out = recorded("lia").out;
  auto crashed = FakeProcessRunner::crashed(11);
  crashed.out = recorded("lia").out;
  ProcessResult missing;
  missing.status = ProcessResult::Status::NotFound;
  ProcessResult refused_start;
  refused_start.status = ProcessResult::Status::StartFailed;
  struct Row {
    const char* name;
    ProcessResult run;
    Outcome outcome;
    Cause cause;
  };
  const std::vector<Row> rows = {
      // (get-model) after unsat is refused with an error line and exit 1; the unsat stands.
      {"unsat (recorded)", recorded("counter_unsafe"), Outcome::Refuted, Cause::None},
      {"unsat, then another error", printed("unsat\n(error \"out of memory\")\n", 1),
       Outcome::Error, Cause::BadOutput},
      {"killed at the deadline after printing a model", killed, Outcome::Unknown, Cause::Timeout},
      {"crashed after printing a model", crashed, Outcome::Error, Cause::ToolCrashed},
      {"missing", missing, Outcome::Error, Cause::ToolNotFound},
      {"could not start", refused_start, Outcome::Error, Cause::ToolCrashed},
      {"sat with a nonzero exit", printed(recorded("lia").out, 1), Outcome::Error,
       Cause::BadOutput},
      // Spacer gives up at once on some nonlinear clauses (recorded on a SyGuS-INV NIA problem).
      {"unknown (recorded)", recorded("unknown"), Outcome::Unknown, Cause::None},
      {"sat, model without the relation",
       model("(define-fun other ((x!0 Int) (x!1 Int)) Bool true)"), Outcome::Error,
       Cause::BadOutput},
      {"sat, a parameter too few", model("(define-fun verigen_inv ((x!0 Int)) Bool (>= x!0 0))"),
       Outcome::Error, Cause::BadOutput},
      {"sat, a parameter of another sort",
       model("(define-fun verigen_inv ((x!0 Bool) (x!1 Int)) Bool x!0)"), Outcome::Error,
       Cause::BadOutput},
      {"sat, a free name in the body",
       model("(define-fun verigen_inv ((x!0 Int) (x!1 Int)) Bool (<= x!0 y))"), Outcome::Error,
       Cause::BadOutput},
      {"sat, a cut-off model", printed("sat\n(\n  (define-fun verigen_inv ((x!0 Int)"),
       Outcome::Error, Cause::BadOutput},
      {"unsupported input",
       printed("(error \"line 9 column 2: Uninterpreted 'div' in <null>\")\n", 1), Outcome::Error,
       Cause::BadInput},
      {"garbage", printed("Segmentation fault\n", 139), Outcome::Error, Cause::BadOutput},
      {"nothing", printed(""), Outcome::Error, Cause::BadOutput},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    auto r = interpret_spacer(row.run, p);
    INFO(r.detail);
    CHECK(r.outcome == row.outcome);
    CHECK(r.cause == row.cause);
    CHECK_FALSE(r.invariant);
    CHECK(r.detail.find('\n') == std::string::npos);
  }
}

// Contract: the script the real z3 is given is the problem's clauses in the HORN logic, asking
// for the model; its answer on a solvable problem is the recorded kind.
TEST_CASE("spacer script: HORN clauses the real z3 solves", "[z3]") {
  Problem p = fixture("lia.sl");
  const std::string script = spacer_script(p);
  CHECK(script.find("(set-logic HORN)") != std::string::npos);
  CHECK(script.find("(declare-fun verigen_inv (Int Int) Bool)") != std::string::npos);
  CHECK(script.find("(check-sat)") < script.find("(get-model)"));
  SubprocessRunner runner;
  auto r = solve_with_spacer(runner, p, Deadline::after(30s));
  INFO(r.detail);
  CHECK(r.outcome == Outcome::Verified);
}
