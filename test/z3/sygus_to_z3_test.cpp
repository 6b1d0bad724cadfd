// Translating SyGuS terms to Z3: calls of defined functions are expanded once per function and
// arguments, so sharing in the problem stays sharing in Z3.

#include "backends/z3/sygus_to_z3.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "backends/z3/inv_checker.h"
#include "test/z3/sygus_fixtures.h"

using namespace verigen;
using namespace verigen::sygus;
using namespace std::chrono_literals;

namespace {

/// f0 .. f<levels-1>, each calling the previous one twice, with `second` as the second call's
/// argument: 2^levels calls when expanded naively.
Problem doubling_chain(int levels, const std::string& second) {
  std::string text =
      "(set-logic LIA)\n(synth-inv inv_fun ((x Int)))\n"
      "(define-fun f0 ((x Int)) Bool (>= x 0))\n";
  for (int i = 1; i < levels; ++i) {
    auto prev = "f" + std::to_string(i - 1);
    text += "(define-fun f" + std::to_string(i) + " ((x Int)) Bool (and (" + prev + " x) (" + prev +
            " " + second + ")))\n";
  }
  text += "(define-fun pre_fun ((x Int)) Bool (and (= x 0) (f" + std::to_string(levels - 1) +
          " x)))\n(define-fun trans_fun ((x Int) (x! Int)) Bool (= x! (+ x 1)))\n"
          "(define-fun post_fun ((x Int)) Bool (>= x 0))\n"
          "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n(check-synth)\n";
  auto p = parse_problem(text, "chain.sl");
  INFO((p.ok() ? "" : p.error()));
  REQUIRE(p.ok());
  return std::move(p).value();
}

}  // namespace

// Contract: a 40-level chain calling with two different arguments (2^40 calls if each were
// expanded anew) translates at once: one expansion per function and arguments.
TEST_CASE("z3: shared calls are expanded once", "[z3]") {
  Problem p = doubling_chain(40, "(+ x 1)");
  const auto started = std::chrono::steady_clock::now();
  z3::context ctx;
  z3inv::SygusToZ3 to_z3(ctx, p);
  z3::expr pre = to_z3.pre(to_z3.state(""));
  CHECK(pre.is_bool());
  CHECK(std::chrono::steady_clock::now() - started < 5s);
}

// Contract: repeated conjuncts are dropped, so a chain calling with the same argument twice
// (before: `inv --timeout 5` on a 30-level one ran past a minute) is checked at once.
TEST_CASE("z3: a chain of repeated calls is checked at once", "[z3]") {
  Problem p = doubling_chain(40, "x");
  const auto started = std::chrono::steady_clock::now();
  z3inv::InvariantChecker checker(p);
  auto v = checker.check(invariant(p, "(>= x 0)"), Deadline::after(60s));
  CHECK(v.outcome == Outcome::Verified);
  CHECK(std::chrono::steady_clock::now() - started < 10s);
}
