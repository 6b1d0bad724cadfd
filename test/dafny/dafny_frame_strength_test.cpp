// Frames in the specification strength check (specs/dafny/spec_strength, frame_obligations):
// real Dafny decides whether a candidate's `modifies`/`reads` lies within the reference's.

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "specs/dafny/spec_strength.h"

using namespace verigen;
using namespace verigen::dafny;
using namespace std::chrono_literals;

namespace {

DeclarationStrength judge(const std::string& reference, const std::string& answer,
                          const std::string& name) {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Candidate c;
  c.display_path = "candidate.dfy";
  c.text = answer;
  auto report = compare_contracts(dafny, reference, c, Deadline::after(300s));
  for (const auto& d : report.declarations)
    if (d.declaration == name) return d;
  FAIL("no declaration " << name << " in " << report.summary());
  return {};
}

/// A method that sets a[0] and b[0], with `frame` as its contract.
std::string set_both(const std::string& frame) {
  return "method SetBoth(a: array<int>, b: array<int>, s: set<object>)\n"
         "  requires a.Length > 0 && b.Length > 0\n" +
         frame + "{\n  a[0] := 1;\n  b[0] := 2;\n}\n";
}

}  // namespace

// Contract: a larger `modifies` is weaker (callers lose what they knew unchanged), a smaller
// one stronger; the same set written differently is equivalent; a set parameter that the
// precondition says holds the arrays counts for them.
TEST_CASE("strength: modifies frames", "[verifier:dafny]") {
  const std::string reference = set_both("  modifies a, b\n");

  auto wider = judge(reference, set_both("  modifies a, b, s\n"), "SetBoth");
  INFO(wider.detail);
  CHECK(wider.strength == Strength::Weaker);
  CHECK(wider.detail.find("modifies: candidate `modifies a, b, s`") != std::string::npos);

  auto rewritten = judge(reference, set_both("  modifies {a} + {b}\n"), "SetBoth");
  INFO(rewritten.detail);
  CHECK(rewritten.strength == Strength::Equivalent);

  const std::string within_s = "  requires a in s && b in s\n";
  auto by_set = judge(set_both(within_s + "  modifies s\n"),
                      set_both(within_s + "  modifies a, b\n"), "SetBoth");
  INFO(by_set.detail);
  CHECK(by_set.strength == Strength::Stronger);
}

// Contract: a function that reads more than the reference's is weaker, and one that reads
// only what the reference reads, written otherwise, is equivalent.
TEST_CASE("strength: reads frames", "[verifier:dafny]") {
  auto first = [](const std::string& frame) {
    return "function First(a: array<int>, b: array<int>): int\n  requires a.Length > 0\n" + frame +
           "{ a[0] }\n";
  };
  const std::string reference = first("  reads a\n");
  auto wider = judge(reference, first("  reads a, b\n"), "First");
  INFO(wider.detail);
  CHECK(wider.strength == Strength::Weaker);
  CHECK(wider.detail.find("reads:") != std::string::npos);
  auto same = judge(reference, first("  reads {a}\n"), "First");
  INFO(same.detail);
  CHECK(same.strength == Strength::Equivalent);
}
