// Mutants and minimal answers derived from a verified program (benchmarks/suites/contract_mutants).

#include "benchmarks/suites/contract_mutants.h"

#include <catch2/catch.hpp>

using namespace verigen::bench;

namespace {

const char* kProgram =
    "method Helper(n: int) returns (r: int)\n"
    "  requires 0 <= n && n <= 100\n"
    "  ensures r >= n\n"
    "  ensures forall k :: 0 <= k < n ==> r > k\n"
    "{ r := n; }\n"
    "method Main(x: int) returns (y: int)\n"
    "  requires x <= 50\n"
    "  ensures y <= 100\n"
    "{ y := 0; if 0 <= x { y := Helper(x); } }\n";

}  // namespace

// Contract: one mutant of each kind, of the first declaration where it applies; bounds change
// only in positive positions and on a lone operand.
TEST_CASE("contract mutants", "[unit]") {
  auto mutants = contract_mutants(kProgram);
  REQUIRE(mutants.size() == 3);
  CHECK(mutants[0].kind == "ensures-deleted");
  CHECK(mutants[0].declaration == "Helper");
  CHECK(mutants[0].text.find("forall") == std::string::npos);
  CHECK(mutants[0].text.find("  ensures r >= n\n{") != std::string::npos);
  CHECK(mutants[1].kind == "bound-loosened");
  CHECK(mutants[1].text.find("ensures r >= (n - 1)\n") != std::string::npos);
  CHECK(mutants[2].kind == "requires-strengthened");
  // `0 <= n` narrowed: n >= 1.
  CHECK(mutants[2].text.find("requires 0 <= (n - 1) && n <= 100\n") != std::string::npos);
}

// Contract: only declarations nothing calls lose their ensures.
TEST_CASE("without_uncalled_ensures", "[unit]") {
  auto minimal = without_uncalled_ensures(kProgram);
  REQUIRE(minimal);
  CHECK(minimal->find("ensures y <= 100") == std::string::npos);
  CHECK(minimal->find("ensures r >= n") != std::string::npos);
  CHECK(minimal->find("  requires x <= 50\n{ y := 0;") != std::string::npos);
  CHECK_FALSE(without_uncalled_ensures("method M() {}\n"));
}
