// specs/sygus/to_dafny: SyGuS-INV problems as Dafny loops. The text for names, helpers and
// refusals; then the point of the translation, with the real Z3 and the real Dafny: an
// invariant verigen's SyGuS checker accepts proves the Dafny loop, and one it refutes does not.

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "backends/z3/inv_checker.h"
#include "core/process.h"
#include "specs/sygus/to_dafny.h"
#include "test/z3/sygus_fixtures.h"

using namespace verigen;
using namespace verigen::sygus;
using namespace std::chrono_literals;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string translated(const Problem& p) {
  auto dafny = to_dafny(p);
  INFO((dafny.ok() ? "" : dafny.error()));
  REQUIRE(dafny.ok());
  return *dafny;
}

// The loop of to_dafny(p) with `body` (a SyGuS invariant) as its invariant.
std::string with_invariant(const Problem& p, const std::string& body) {
  auto expr = invariant_to_dafny(p, invariant(p, body));
  REQUIRE(expr.ok());
  std::string program = translated(p);
  const std::string loop = "  while step < steps\n";
  auto at = program.find(loop);
  REQUIRE(at != std::string::npos);
  return program.insert(at + loop.size(),
                        "    invariant step <= steps\n    invariant " + *expr + "\n");
}

Outcome dafny_outcome(Backend& dafny, const std::string& program) {
  Candidate c;
  c.task_id = "sygus";
  c.display_path = "loop.dfy";
  c.text = program;
  Verdict v = dafny.verify(c, Deadline::after(120s));
  INFO(program << "\n" << v.detail);
  return v.outcome;
}

Outcome z3_outcome(const Problem& p, const std::string& body) {
  z3inv::InvariantChecker checker(p);
  return checker.check(invariant(p, body), Deadline::after(30s)).outcome;
}

}  // namespace

// Contract: pre becomes the method's requires over the initial state, trans the condition of
// the step, post the assert after the loop; each over the right copy of the variables.
TEST_CASE("sygus to dafny: pre, trans and post land on the right state", "[unit]") {
  std::string d = translated(fixture("lia.sl"));
  CHECK(contains(d, "method Loop(v_x_init: int, v_n_init: int, steps: nat)"));
  CHECK(contains(d, "requires ((v_x_init == 0) && (v_n_init >= 0))"));
  CHECK(contains(d, "if ((v_x < v_n) && (v_x_next == (v_x + 1)) && (v_n_next == v_n))"));
  CHECK(contains(d, "v_x, v_n := v_x_next, v_n_next;"));
  CHECK(contains(d, "assert (v_x <= v_n);"));
  CHECK_FALSE(contains(d, "decreases *"));  // the loop ends; no termination is assumed
}

// Contract: names SMT-LIB allows and Dafny does not are rewritten, Bool state is bool, helper
// define-funs become functions, and let binds through a Dafny let expression.
TEST_CASE("sygus to dafny: dotted names, Bool state, helper functions and let", "[unit]") {
  std::string d = translated(fixture("lustre_bool.sl"));
  CHECK(contains(d, "v_top_on_init: bool"));
  CHECK(contains(d, "v_top_count_next: int := *;"));
  CHECK(contains(d, "function f___node_step(p_v: int, p_on: bool): int"));
  CHECK(contains(d, "(var b_X1 := f___node_step(v_top_count, v_top_on); "));
  CHECK_FALSE(contains(d, "top.on"));
}

// Contract: what has no faithful Dafny counterpart is refused with the file and place, not
// translated approximately.
TEST_CASE("sygus to dafny: arrays and division by a variable are refused", "[unit]") {
  auto arrays = to_dafny(fixture("alia.sl"));
  REQUIRE_FALSE(arrays.ok());
  CHECK(contains(arrays.error(), "alia.sl: error: arrays are not translated"));

  auto p = parse_problem(
      "(set-logic NIA)\n(synth-inv inv_fun ((x Int) (d Int)))\n"
      "(define-fun pre_fun ((x Int) (d Int)) Bool (= x 0))\n"
      "(define-fun trans_fun ((x Int) (d Int) (x! Int) (d! Int)) Bool (= x! (div x d)))\n"
      "(define-fun post_fun ((x Int) (d Int)) Bool (>= x 0))\n"
      "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n(check-synth)\n",
      "div.sl");
  REQUIRE(p.ok());
  auto division = to_dafny(*p);
  REQUIRE_FALSE(division.ok());
  CHECK(contains(division.error(), "div.sl:4:"));
  CHECK(contains(division.error(), "division by a term that is not a non-zero literal"));
}

// Contract: the two checkers agree on the translation: Z3's verdict on a SyGuS invariant is
// Dafny's verdict on the loop annotated with it.
TEST_CASE("sygus to dafny: Z3 and Dafny agree on invariants of the translated loop",
          "[verifier:dafny]") {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);  // one back-end: Dafny's version is probed once
  Problem lia = fixture("lia.sl");
  CHECK(z3_outcome(lia, "(<= x n)") == Outcome::Verified);
  CHECK(dafny_outcome(dafny, with_invariant(lia, "(<= x n)")) == Outcome::Verified);
  CHECK(z3_outcome(lia, "(<= x 3)") == Outcome::Refuted);
  CHECK(dafny_outcome(dafny, with_invariant(lia, "(<= x 3)")) == Outcome::Refuted);

  Problem lustre = fixture("lustre_bool.sl");
  const std::string inv = "(and (>= top.count 0) top.OK)";
  CHECK(z3_outcome(lustre, inv) == Outcome::Verified);
  CHECK(dafny_outcome(dafny, with_invariant(lustre, inv)) == Outcome::Verified);
}
