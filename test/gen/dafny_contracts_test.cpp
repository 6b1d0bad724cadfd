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

// Contract: a method whose loop leaves with its result decided gets the negated guard as an
// ensures candidate, and the loop's templates over parameters and results; clauses naming a
// local are not offered.
TEST_CASE("builtin contract sites: loop exits", "[unit]") {
  const std::string text =
      "method Root(x: int) returns (r: int)\n{\n  r := 0;\n  var k := 1;\n"
      "  while (r + 1) * (r + 1) <= x\n  {\n    r := r + 1;\n    k := k + 2;\n  }\n}\n";
  auto sites = dafny_contract_sites(text);
  REQUIRE(sites.size() == 1);
  CHECK(has(sites[0].candidates, "ensures !((r + 1) * (r + 1) <= x)"));
  CHECK(std::none_of(sites[0].candidates.begin(), sites[0].candidates.end(),
                     [](const std::string& c) { return c.find('k') != std::string::npos; }));
}

// Contract: a result a caller hands on to another callee gets, as ensures candidates, what
// that callee's requires candidates ask of the parameter it lands in (an array result is not
// offered `Length > 0` otherwise).
TEST_CASE("builtin contract sites: callers' needs pushed into callees", "[unit]") {
  const std::string text =
      "method Make(n: int) returns (a: array<int>)\n{\n  a := new int[n + 1];\n}\n"
      "method Head(b: array<int>) returns (h: int)\n{\n  h := b[0];\n}\n"
      "method Main(n: int) returns (h: int)\n{\n  var a := Make(n);\n  h := Head(a);\n}\n";
  auto sites = dafny_contract_sites(text);
  REQUIRE(sites.size() == 3);
  CHECK(sites[0].declaration == "Make");
  CHECK(has(sites[0].candidates, "ensures a.Length > 0"));
  CHECK(has(sites[1].candidates, "requires b.Length > 0"));
  CHECK_FALSE(has(dafny_contract_sites(text.substr(0, text.find("method Main")))[0].candidates,
                  "ensures a.Length > 0"));
}
