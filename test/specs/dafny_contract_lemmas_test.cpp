// The lemmas that compare two contracts (specs/dafny/contract_lemmas): what is stated where,
// without running Dafny.

#include <catch2/catch.hpp>

#include "specs/dafny/contract_lemmas.h"

using namespace verigen::dafny;

namespace {

/// The probe's text line `line` (1-based).
std::string line_of(const std::string& text, int line) {
  std::size_t at = 0;
  for (int i = 1; i < line; ++i) at = text.find('\n', at) + 1;
  return text.substr(at, text.find('\n', at) - at);
}

}  // namespace

// Contract: four lemmas for a method whose contracts differ (requires and ensures, both
// directions), placed after the candidate's declaration, each clause on its own line and named
// by side, keyword and line; identical clauses are not goals.
TEST_CASE("contract lemmas: a method, both directions", "[unit]") {
  const std::string reference =
      "method M(x: int) returns (r: int)\n  requires x >= 0\n  ensures r >= x\n"
      "  ensures r >= 0\n{ r := x; }\n";
  const std::string candidate =
      "method M(x: int) returns (r: int)\n  requires x > -1\n  ensures r == x\n"
      "  ensures r >= 0\n{ r := x; }\n";
  auto probe = strength_probe(reference, candidate);
  REQUIRE(probe.error.empty());
  REQUIRE(probe.declarations.size() == 1);
  CHECK(probe.declarations[0].name == "M");
  REQUIRE(probe.obligations.size() == 4);
  CHECK(probe.text.rfind(candidate.substr(0, candidate.size() - 1), 0) == 0);
  const auto& ens = probe.obligations[1];
  CHECK(ens.direction == Direction::Forward);
  CHECK(ens.aspect == "ensures");
  // `ensures r >= 0` stands on both sides: only `r >= x` is left to prove.
  REQUIRE(ens.goals.size() == 1);
  auto [goal_line, where] = *ens.goals.begin();
  CHECK(where == "reference ensures `r >= x` (line 3)");
  CHECK(line_of(probe.text, goal_line) == "  ensures r >= x");
  CHECK(line_of(probe.text, ens.first_line) == "lemma " + ens.lemma + "(x: int, r: int)");
  CHECK(line_of(probe.text, ens.last_line) == "{}");
  CHECK(ens.hypotheses.size() == 4);  // two requires, two candidate ensures
}

// Contract: a method that modifies the heap gets a two-state ensures lemma with its outputs as
// `new` parameters and heap-reading preconditions under old(); a function's value becomes
// `verigen_result`; a declaration missing from the candidate is not comparable; identical
// contracts need no lemma unless asked.
TEST_CASE("contract lemmas: two-state, functions, missing declarations", "[unit]") {
  const std::string reference =
      "method Fill(a: array<int>) returns (b: array<int>)\n  requires a.Length > 0\n  modifies a\n"
      "  ensures fresh(b)\n{ b := new int[1]; }\n"
      "function F(n: int): int\n  ensures F(n) > n\n{ n + 1 }\n"
      "method Gone() {}\n";
  const std::string candidate =
      "method Fill(a: array<int>) returns (b: array<int>)\n  requires a.Length > 0\n  modifies a\n"
      "  ensures b.Length == 1\n{ b := new int[1]; }\n"
      "function F(n: int): int\n  ensures F(n) >= n\n{ n + 1 }\n";
  auto probe = strength_probe(reference, candidate);
  REQUIRE(probe.declarations.size() == 3);
  CHECK(probe.declarations[2].not_comparable == "not in the candidate");
  CHECK(probe.text.find("twostate lemma VerigenStrength_0(a: array<int>, new b: array<int>)") !=
        std::string::npos);
  CHECK(probe.text.find("  requires old(a.Length > 0)\n") != std::string::npos);
  CHECK(probe.text.find("lemma VerigenStrength_2(n: int, verigen_result: int)") !=
        std::string::npos);
  CHECK(probe.text.find("  ensures verigen_result > n\n") != std::string::npos);

  CHECK(strength_probe(reference, reference).obligations.empty());
  // Proving every clause also proves Fill's frame (two ways); F reads nothing on either side.
  CHECK(strength_probe(reference, reference, true).obligations.size() == 8);
  CHECK(strength_probe(reference, "method {").error.rfind("candidate: ", 0) == 0);
}

// Contract: a method's `modifies` that differs as written becomes two Dafny obligations, each a
// caller with one frame calling a body-less stub with the other under both preconditions (the
// call's line is the goal); nothing is judged as written. Identical frames need no obligation.
TEST_CASE("contract lemmas: frames as caller and stub", "[unit]") {
  auto probe = strength_probe(
      "method M(a: array<int>, b: array<int>)\n  requires a != b\n  modifies a\n{}\n",
      "method M(a: array<int>, b: array<int>)\n  requires a != b\n  modifies a, b\n{}\n");
  REQUIRE(probe.declarations.size() == 1);
  CHECK(probe.declarations[0].frame_forward_failures.empty());
  REQUIRE(probe.obligations.size() == 2);
  const auto& forward = probe.obligations[0];
  CHECK(forward.aspect == "modifies");
  CHECK(forward.direction == Direction::Forward);
  CHECK(line_of(probe.text, forward.first_line) ==
        "method " + forward.lemma + "(a: array<int>, b: array<int>)");
  CHECK(line_of(probe.text, forward.first_line + 1) == "  requires a != b");
  CHECK(line_of(probe.text, forward.first_line + 2) == "  modifies a");
  REQUIRE(forward.goals.size() == 1);
  auto [goal_line, where] = *forward.goals.begin();
  CHECK(line_of(probe.text, goal_line) == "  " + forward.lemma + "_frame(a, b);");
  CHECK(where == "candidate `modifies a, b` within the reference's `modifies a`");
  CHECK(line_of(probe.text, forward.last_line) == "  modifies a, b");
  CHECK(probe.obligations[1].goals.begin()->second ==
        "reference `modifies a` within the candidate's `modifies a, b`");

  // A function's reads: the caller returns the stub's value.
  auto reads = strength_probe("function F(a: array<int>): int\n  reads a\n{ 0 }\n",
                              "function F(a: array<int>): int\n{ 0 }\n");
  REQUIRE(reads.obligations.size() == 2);
  CHECK(reads.obligations[0].aspect == "reads");
  CHECK(reads.obligations[0].goals.begin()->second ==
        "candidate no `reads` within the reference's `reads a`");
  CHECK(reads.text.find("function " + reads.obligations[0].lemma +
                        "_frame(a: array<int>): bool\n\n"
                        "function ") != std::string::npos);

  const std::string same = "method M(a: array<int>) modifies a {}\n";
  CHECK(strength_probe(same, same).obligations.empty());
}
