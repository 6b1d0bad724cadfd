// Template contracts of the builtin provider for specify tasks (gen/builtin/dafny_contracts).

#include "gen/builtin/dafny_contracts.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "gen/builtin/dafny_houdini.h"

using namespace verigen;

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

// Contract: a site per method and function with a body and no contract, before its body;
// requires over parameters, ensures over results (a function's as a call), inserted one per
// line with their own keyword.
TEST_CASE("builtin contract sites", "[unit]") {
  const std::string text =
      "method Count(a: array<int>, n: int) returns (c: int)\n{\n  c := 0;\n}\n"
      "function Double(n: int): int { 2 * n }\n"
      "method Done(x: int) returns (y: int)\n  ensures y == x\n{ y := x; }\n";
  auto sites = dafny_contract_sites(text);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].declaration == "Count");
  CHECK(has(sites[0].candidates, "requires n >= 0"));
  CHECK(has(sites[0].candidates, "requires a.Length > 0"));
  CHECK(has(sites[0].candidates, "ensures c <= a.Length"));
  CHECK(has(sites[0].candidates, "ensures c >= n"));
  CHECK(sites[1].declaration == "Double");
  CHECK(has(sites[1].candidates, "ensures Double(n) >= n"));

  std::vector<LoopSite> loops{sites[0].site, sites[1].site};
  auto program = insert_invariants(text, loops, {{"ensures c >= 0"}, {"requires n >= 0"}});
  CHECK(program.find("returns (c: int)\n    ensures c >= 0\n{\n") != std::string::npos);
  CHECK(program.find("function Double(n: int): int \n    requires n >= 0\n  { 2 * n }") !=
        std::string::npos);
}
