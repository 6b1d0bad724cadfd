// Concrete evaluation of SyGuS terms on states: SMT-LIB semantics, and nullopt (never a trap)
// where a 64-bit value cannot hold the answer.

#include "gen/invariants/concrete_eval.h"

#include <catch2/catch.hpp>

using namespace verigen;

namespace {

std::optional<inv::Value> eval(const std::string& text, const inv::Valuation& state = {}) {
  auto term = sygus::parse_sexprs(text, "t");
  REQUIRE(term.ok());
  REQUIRE(term->size() == 1);
  return inv::evaluate(term->front(), state);
}

}  // namespace

// Contract: div and mod are Euclidean; division by zero is unknown.
TEST_CASE("concrete div and mod", "[unit]") {
  CHECK(eval("(div (- 7) 2)") == inv::Value(-4LL));
  CHECK(eval("(mod (- 7) 2)") == inv::Value(1LL));
  CHECK(eval("(div 7 (- 2))") == inv::Value(-3LL));
  CHECK_FALSE(eval("(div x 0)", {{"x", 5LL}}));
}

// Contract: the one quotient that overflows, INT64_MIN div -1 (and its mod), is unknown instead
// of the SIGFPE x86 raises for it; a model's candidate can reach it.
TEST_CASE("INT64_MIN div -1 is unknown, not a trap", "[unit]") {
  const std::string min = "(* (- 2147483648) 4294967296)";
  CHECK(eval(min) == inv::Value(std::numeric_limits<long long>::min()));
  CHECK_FALSE(eval("(div " + min + " (- 1))"));
  CHECK_FALSE(eval("(mod " + min + " (- 1))"));
  CHECK_FALSE(eval("(div x (- 1))", {{"x", std::numeric_limits<long long>::min()}}));
  CHECK(eval("(div x 1)", {{"x", std::numeric_limits<long long>::min()}}) ==
        inv::Value(std::numeric_limits<long long>::min()));
}
