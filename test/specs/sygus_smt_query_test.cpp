// The check scripts a second SMT solver reads (specs/sygus/smt_query.h): which checks count as
// nonlinear integer queries, and what a script declares and asserts. That the scripts mean what
// Z3's encoding means is tested with the real solvers in test/z3/peer_race_test.cpp.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "specs/sygus/problem.h"
#include "specs/sygus/smt_query.h"

using namespace verigen;
using namespace verigen::sygus;
namespace fs = std::filesystem;

namespace {

Problem load(const std::string& name) {
  auto path = fs::path(VERIGEN_SOURCE_DIR) / "test" / "fixtures" / "sygus" / name;
  auto p = load_problem(path.string());
  INFO((p.ok() ? "" : p.error()));
  REQUIRE(p.ok());
  return std::move(p).value();
}

SExpr term(const std::string& text) {
  auto parsed = parse_sexprs(text, "test");
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 1);
  return parsed->front();
}

SExpr invariant(const Problem& p, const std::string& text) {
  auto inv = parse_invariant(text, p, "test");
  INFO((inv.ok() ? "" : inv.error()));
  REQUIRE(inv.ok());
  return std::move(inv).value();
}

}  // namespace

TEST_CASE("a product of two non-numerals, or a division by one, is nonlinear", "[unit]") {
  struct Row {
    const char* text;
    bool nonlinear;
  };
  const Row rows[] = {
      {"(* x y)", true},
      {"(* 2 x y)", true},
      {"(* 2 x)", false},
      {"(* x (- 3))", false},
      {"(* 2 3)", false},
      {"(mod x 2)", false},
      {"(mod x y)", true},
      {"(div x n)", true},
      {"(div x (- 4))", false},
      {"(and (>= x 0) (<= (+ x (* y z)) 4))", true},
      {"(and (>= x 0) (<= (+ x (* 4 z)) 4))", false},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(is_nonlinear(term(row.text)) == row.nonlinear);
  }
}

TEST_CASE("only quantifier-free nonlinear integer checks are a second solver's", "[unit]") {
  // The problem's own functions count: nia.sl's post squares n.
  auto nia = load("nia.sl");
  CHECK(nonlinear_integer_check(nia, invariant(nia, "(>= x 0)")));
  // A linear problem with a linear candidate stays Z3's alone; a nonlinear candidate does not.
  auto lia = load("lia.sl");
  const auto& v = lia.variables.front().name;
  CHECK_FALSE(nonlinear_integer_check(lia, invariant(lia, "(>= " + v + " 0)")));
  CHECK(nonlinear_integer_check(lia, invariant(lia, "(>= (* " + v + " " + v + ") 0)")));
  // Arrays and quantifiers are left to Z3.
  auto alia = load("alia.sl");
  CHECK_FALSE(nonlinear_integer_check(alia, invariant(alia, "true")));
  CHECK_FALSE(nonlinear_integer_check(
      nia, invariant(nia, "(forall ((q Int)) (=> (and (>= q 0) (< q x)) (<= (* q q) y)))")));
}

TEST_CASE("a check script declares each state and asserts the failure of the check", "[unit]") {
  auto p = load("nia.sl");
  auto inv = invariant(p, "(= y (* x x))");

  auto init = check_script(p, "initiation", inv);
  REQUIRE(init.ok());
  CHECK(init->current == std::vector<std::string>{"x", "y", "n"});
  CHECK(init->next.empty());
  // The problem's functions as the file defines them, the candidate as a function of its own.
  CHECK(init->text.find("(define-fun pre_fun ((x Int) (y Int) (n Int)) Bool") != std::string::npos);
  CHECK(init->text.find("(define-fun verigen.inv ((x Int) (y Int) (n Int)) Bool (= y (* x x)))") !=
        std::string::npos);
  CHECK(init->text.find("(assert (and (pre_fun x y n) (not (verigen.inv x y n))))") !=
        std::string::npos);
  CHECK(init->text.find("check-sat") == std::string::npos);

  auto step = check_script(p, "consecution", inv);
  REQUIRE(step.ok());
  CHECK(step->next ==
        std::vector<std::string>{"verigen.next.x", "verigen.next.y", "verigen.next.n"});
  CHECK(step->text.find("(declare-const verigen.next.y Int)") != std::string::npos);
  CHECK(step->text.find("(trans_fun x y n verigen.next.x verigen.next.y verigen.next.n)") !=
        std::string::npos);
  CHECK(step->text.find("(not (verigen.inv verigen.next.x verigen.next.y verigen.next.n))") !=
        std::string::npos);

  auto post = check_script(p, "postcondition", inv);
  REQUIRE(post.ok());
  CHECK(post->text.find("(assert (and (verigen.inv x y n) (not (post_fun x y n))))") !=
        std::string::npos);

  CHECK_FALSE(check_script(p, "termination", inv).ok());
}

TEST_CASE("a problem is nonlinear when one of its functions is", "[unit]") {
  CHECK(has_nonlinear_arithmetic(load("nia.sl")));
  CHECK_FALSE(has_nonlinear_arithmetic(load("lia.sl")));
  // Linear itself (500 * d); only its invariant multiplies two variables.
  CHECK_FALSE(has_nonlinear_arithmetic(load("nia_scaled_sum.sl")));
}
