// Specification strength (specs/dafny/spec_strength): real Dafny judges whether a candidate's
// contract is at least as strong as a reference's, per declaration.

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "specs/dafny/spec_strength.h"

using namespace verigen;
using namespace verigen::dafny;
using namespace std::chrono_literals;

namespace {

Candidate candidate(const std::string& text) {
  Candidate c;
  c.display_path = "candidate.dfy";
  c.text = text;
  return c;
}

/// The judgement on the declaration named `name`.
DeclarationStrength of(const StrengthReport& report, const std::string& name) {
  for (const auto& d : report.declarations)
    if (d.declaration == name) return d;
  FAIL("no declaration " << name << " in " << report.summary());
  return {};
}

StrengthReport compare(const std::string& reference, const std::string& answer,
                       StrengthOptions options = {}) {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  return compare_contracts(dafny, reference, candidate(answer), Deadline::after(300s), options);
}

const char* kAbsBody = "{ r := if x < 0 then -x else x; }\n";

std::string abs_with(const std::string& contract) {
  return "method Abs(x: int) returns (r: int)\n" + contract + kAbsBody;
}

}  // namespace

// Contract: the same meaning written differently is equivalent (Dafny proves both directions);
// the same text is equivalent with no lemma at all, and also when every clause is proved.
TEST_CASE("strength: equivalent contracts", "[verifier:dafny]") {
  const std::string reference = abs_with("  requires x > -100\n  ensures r >= 0 && r >= x\n");
  const std::string answer = abs_with("  requires -100 < x\n  ensures 0 <= r\n  ensures x <= r\n");
  auto report = compare(reference, answer);
  INFO(report.summary() << " / " << of(report, "Abs").detail);
  CHECK(of(report, "Abs").strength == Strength::Equivalent);
  CHECK(report.verifier_calls == 1);
  CHECK(report.not_weaker());
  CHECK_FALSE(report.superior());

  auto same = compare(reference, reference);
  CHECK(of(same, "Abs").strength == Strength::Equivalent);
  CHECK(same.verifier_calls == 0);
  auto proved = compare(reference, reference, StrengthOptions{.prove_identical = true});
  CHECK(of(proved, "Abs").strength == Strength::Equivalent);
  CHECK(proved.verifier_calls == 1);
}

// Contract: a postcondition that says more is stronger; one that says less is weaker and the
// detail names the reference clause that does not follow.
TEST_CASE("strength: stronger and weaker ensures", "[verifier:dafny]") {
  const std::string reference = abs_with("  ensures r >= 0\n");
  auto stronger = compare(reference, abs_with("  ensures r >= 0\n  ensures r == x || r == -x\n"));
  INFO(stronger.summary());
  CHECK(of(stronger, "Abs").strength == Strength::Stronger);
  CHECK(stronger.superior());

  auto weaker =
      compare(abs_with("  ensures r >= 0\n  ensures r >= x\n"), abs_with("  ensures r >= -1\n"));
  auto abs = of(weaker, "Abs");
  INFO(abs.detail);
  CHECK(abs.strength == Strength::Weaker);
  CHECK_FALSE(weaker.not_weaker());
  CHECK(abs.detail.find("reference ensures `r >= 0`") != std::string::npos);
  CHECK(abs.detail.find("(line 2)") != std::string::npos);
  CHECK(weaker.first_problem().rfind("Abs: weaker: ", 0) == 0);
}

// Contract: a stronger precondition (callers must prove more) makes the contract weaker; a
// weaker precondition with the same postcondition makes it stronger; swapping the two clauses'
// strengths is incomparable.
TEST_CASE("strength: preconditions", "[verifier:dafny]") {
  const std::string reference = abs_with("  requires x >= 0\n  ensures r >= 0\n");
  auto demanding = of(compare(reference, abs_with("  requires x > 5\n  ensures r >= 0\n")), "Abs");
  INFO(demanding.detail);
  CHECK(demanding.strength == Strength::Weaker);
  CHECK(demanding.detail.find("requires") != std::string::npos);

  auto lenient = of(compare(reference, abs_with("  ensures r >= 0\n")), "Abs");
  CHECK(lenient.strength == Strength::Stronger);

  auto mixed =
      of(compare(reference, abs_with("  requires x > 5\n  ensures r >= 0 && r == x\n")), "Abs");
  CHECK(mixed.strength == Strength::Incomparable);
}

// Contract: a method that modifies an array is compared with a two-state lemma: `old(...)` in
// its postcondition means the pre-state, and losing the exact update is weaker.
TEST_CASE("strength: two-state postcondition on an array", "[verifier:dafny]") {
  auto inc = [](const std::string& contract) {
    return "method Inc(a: array<int>, k: int)\n  requires k >= 0\n  modifies a\n" + contract +
           "{\n  var i := 0;\n  while i < a.Length\n    invariant 0 <= i <= a.Length\n"
           "    invariant forall j :: 0 <= j < i ==> a[j] == old(a[j]) + k\n"
           "    invariant forall j :: i <= j < a.Length ==> a[j] == old(a[j])\n"
           "  {\n    a[i] := a[i] + k;\n    i := i + 1;\n  }\n}\n";
  };
  const std::string reference =
      inc("  ensures forall j :: 0 <= j < a.Length ==> a[j] == old(a[j]) + k\n");
  auto same = compare(reference, inc("  ensures forall j :: 0 <= j < a.Length ==> a[j] - k == "
                                     "old(a[j])\n"));
  INFO(same.summary() << " / " << of(same, "Inc").detail);
  CHECK(of(same, "Inc").strength == Strength::Equivalent);

  auto weaker =
      compare(reference, inc("  ensures forall j :: 0 <= j < a.Length ==> a[j] >= old(a[j])\n"));
  INFO(of(weaker, "Inc").detail);
  CHECK(of(weaker, "Inc").strength == Strength::Weaker);

  // A declaration the candidate lacks cannot be compared.
  auto frame = of(compare(reference, "method Other(b: array<int>) {}\n"), "Inc");
  CHECK(frame.strength == Strength::Unknown);
  CHECK(frame.detail == "not in the candidate");
}

// Contract: a function's postcondition speaks of its value through a call on its own
// parameters; that value becomes a variable of the lemma, so the body does not decide.
TEST_CASE("strength: a function contract", "[verifier:dafny]") {
  auto twice = [](const std::string& contract) {
    return "function Twice(n: int): int\n" + contract + "{ 2 * n }\n";
  };
  const std::string reference = twice("  requires n >= 0\n  ensures Twice(n) >= n\n");
  auto same =
      of(compare(reference, twice("  requires 0 <= n\n  ensures n <= Twice(n)\n")), "Twice");
  INFO(same.detail);
  CHECK(same.strength == Strength::Equivalent);
  // True of the body, but weaker as a contract: callers no longer learn Twice(n) >= n.
  auto weaker =
      of(compare(reference, twice("  requires n >= 0\n  ensures Twice(n) >= 0\n")), "Twice");
  INFO(weaker.detail);
  CHECK(weaker.strength == Strength::Weaker);
  auto stronger =
      of(compare(reference, twice("  requires n >= 0\n  ensures Twice(n) == n + n\n")), "Twice");
  CHECK(stronger.strength == Strength::Stronger);
}
