// Nesting limits of the SyGuS-INV reader: input nested deeper than kMaxNesting, directly or once
// calls of defined functions are expanded, is an error at its place, never a stack overflow in
// a later walk (the sort checker crashed with SIGSEGV on 10,000 nested `and`s).

#include <catch2/catch.hpp>
#include <string>

#include "specs/sygus/problem.h"

using namespace verigen;
using namespace verigen::sygus;

namespace {

std::string nested_and(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < depth; ++i) out += "(and ";
  out += "(>= x 0)";
  return out + std::string(depth, ')');
}

std::string problem_with_pre(const std::string& pre_body, const std::string& helpers = "") {
  return "(set-logic LIA)\n(synth-inv inv_fun ((x Int)))\n" + helpers +
         "(define-fun pre_fun ((x Int)) Bool " + pre_body +
         ")\n"
         "(define-fun trans_fun ((x Int) (x! Int)) Bool (= x! x))\n"
         "(define-fun post_fun ((x Int)) Bool (>= x 0))\n"
         "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n(check-synth)\n";
}

}  // namespace

// Contract: the reader accepts lists nested kMaxNesting deep and refuses one level more, at the
// place of the list that goes too deep.
TEST_CASE("s-expressions nest at most kMaxNesting deep", "[unit]") {
  std::string ok = std::string(kMaxNesting, '(') + std::string(kMaxNesting, ')');
  CHECK(parse_sexprs(ok, "t").ok());
  std::string deep = "\n  " + std::string(kMaxNesting + 1, '(') + std::string(kMaxNesting + 1, ')');
  auto r = parse_sexprs(deep, "t");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == "t:2:" + std::to_string(3 + kMaxNesting) + ": error: nesting deeper than " +
                         std::to_string(kMaxNesting));
}

// Contract: a problem whose pre nests 10,000 `and`s deep is an error naming file:line:col.
TEST_CASE("a problem nested 10,000 deep is refused at its place", "[unit]") {
  auto p = parse_problem(problem_with_pre(nested_and(10000)), "deep.sl");
  REQUIRE_FALSE(p.ok());
  // (define-fun is level 1, the first (and level 2: level kMaxNesting + 1 is and number 1000.
  const std::size_t column = std::string("(define-fun pre_fun ((x Int)) Bool ").size() +
                             (kMaxNesting - 1) * std::string("(and ").size() + 1;
  CHECK(p.error() == "deep.sl:3:" + std::to_string(column) + ": error: nesting deeper than " +
                         std::to_string(kMaxNesting));
}

// Contract: a chain of functions each calling the previous one nests deeper once expanded than
// any body does; the first function past the limit is refused, and problems within it load.
TEST_CASE("nesting is bounded once defined functions are expanded", "[unit]") {
  auto chain = [](std::size_t length) {
    std::string helpers = "(define-fun f0 ((x Int)) Bool (>= x 0))\n";
    for (std::size_t i = 1; i < length; ++i)
      helpers += "(define-fun f" + std::to_string(i) + " ((x Int)) Bool (and (f" +
                 std::to_string(i - 1) + " x) true))\n";
    return helpers;
  };
  auto within = parse_problem(problem_with_pre("(f10 x)", chain(11)), "chain.sl");
  INFO((within.ok() ? "" : within.error()));
  REQUIRE(within.ok());
  CHECK(within->function("f10")->expanded_depth == 22);

  auto deep = parse_problem(problem_with_pre("(f0 x)", chain(600)), "chain.sl");
  REQUIRE_FALSE(deep.ok());
  // f_i expands 2i + 2 deep: f500 is the first past 1000 (line 3 + 500, its body at column 33).
  CHECK(deep.error() ==
        "chain.sl:503:33: error: nesting deeper than 1000 once calls of defined "
        "functions are expanded");
}

// Contract: a candidate invariant is held to the same limits.
TEST_CASE("a deeply nested candidate invariant is refused", "[unit]") {
  auto problem = parse_problem(problem_with_pre("(= x 0)"), "p.sl");
  REQUIRE(problem.ok());
  auto flat = parse_invariant(nested_and(10), *problem, "model#1");
  CHECK(flat.ok());
  auto deep = parse_invariant(nested_and(5000), *problem, "model#1");
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error() ==
        "model#1:1:" + std::to_string(kMaxNesting * 5 + 1) + ": error: nesting deeper than 1000");
}
